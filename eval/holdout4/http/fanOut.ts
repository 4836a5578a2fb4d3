type Rate = { currency: string; rate: number };

const PROVIDERS = ['https://rates.alpha.example.com/latest', 'https://rates.beta.example.com/latest'];

export async function fetchAllRates(): Promise<Rate[][]> {
  return Promise.all(PROVIDERS.map((url) => fetch(url).then((r) => r.json()))); // expect: missing-timeout, unchecked-response-status
}

export async function fetchProfiles(ids: string[]) {
  const responses = await Promise.all(
    ids.map((id) => fetch(`https://profiles.example.com/users/${id}`, { signal: AbortSignal.timeout(4_000) })),
  );
  return Promise.all(
    responses.map(async (res) => {
      if (!res.ok) throw new Error(`profile lookup failed with ${res.status}`);
      return res.json();
    }),
  );
}

export async function loadDashboard(userId: string) {
  const signal = AbortSignal.timeout(6_000);
  const [userRes, orgsRes] = await Promise.all([
    fetch(`https://profiles.example.com/users/${userId}`, { signal }),
    fetch(`https://profiles.example.com/users/${userId}/orgs`), // expect: missing-timeout
  ]);
  if (!userRes.ok || !orgsRes.ok) throw new Error('dashboard data unavailable');
  return { user: await userRes.json(), orgs: await orgsRes.json() };
}
