import type { NextRequest } from 'next/server';

export const runtime = 'edge';

const UPSTREAM = process.env.REPORTS_UPSTREAM ?? 'https://reports.acme-analytics.com';

export async function GET(req: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const target = new URL(path.join('/'), UPSTREAM);
  target.search = req.nextUrl.search;

  const upstream = await fetch(target, { // expect: missing-timeout
    headers: {
      accept: req.headers.get('accept') ?? 'application/json',
      'x-request-id': crypto.randomUUID(),
    },
    cache: 'no-store',
  });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' },
  });
}

export async function HEAD() {
  const res = await fetch(new URL('/healthz', UPSTREAM), { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
  return new Response(null, { status: res.ok ? 204 : 502 });
}
