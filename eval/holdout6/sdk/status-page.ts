type Component = { id: string; name: string; status: 'operational' | 'degraded' | 'outage' };

export interface StatusPageDeps {
  pageId: string;
  apiKey: string;
  fetchImpl?: typeof fetch;
}

export function statusPage({ pageId, apiKey, fetchImpl = fetch }: StatusPageDeps) {
  const base = `https://api.statuspage.io/v1/pages/${pageId}`;
  const headers = { authorization: `OAuth ${apiKey}` };

  return {
    async components(): Promise<Component[]> {
      const res = await fetch(`${base}/components`, { headers, signal: AbortSignal.timeout(5_000) });
      switch (res.status) {
        case 200:
          return (await res.json()) as Component[];
        case 404:
          return [];
        default:
          throw new Error(`statuspage ${res.status}`);
      }
    },

    async incidentsCsv(): Promise<ArrayBuffer> {
      const res = await fetch(`${base}/incidents.csv`, { headers, signal: AbortSignal.timeout(10_000) });
      return await res.arrayBuffer(); // expect: unchecked-response-status
    },

    async subscribers() {
      const res = await fetch(`${base}/subscribers?limit=100`, { headers, signal: AbortSignal.timeout(5_000) });
      return res.ok ? ((await res.json()) as { email: string }[]) : [];
    },

    async badge(): Promise<string> {
      const res = await fetch('https://status.acme-platform.com/badge.svg', { signal: AbortSignal.timeout(3_000) });
      const svg = await res.text(); // expect: unchecked-response-status
      return svg;
    },
  };
}
