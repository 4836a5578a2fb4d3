// Deno-style fetch handler, also deployed to Deno Deploy.
const LOOKUP = 'https://geo.internal-tools.example.org/v2/lookup';

async function lookupCountry(ip: string): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1_500);
  try {
    const res = await fetch(`${LOOKUP}?ip=${encodeURIComponent(ip)}`, { signal: controller.signal });
    if (!res.ok) return undefined;
    const data = (await res.json()) as { country?: string };
    return data.country;
  } finally {
    clearTimeout(timer);
  }
}

async function loadBanner(country: string): Promise<string> {
  const res = await fetch(`https://cdn.example.org/banners/${country}.html`);  // expect: missing-timeout
  return res.ok ? res.text() : '';
}

export default async function handle(request: Request): Promise<Response> {
  const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
  const country = (await lookupCountry(ip)) ?? 'US';
  const banner = await loadBanner(country);
  return new Response(banner, { headers: { 'content-type': 'text/html' } });
}
