export interface Env {
  ORIGIN: string;
  IMAGES: KVNamespace;
}

const LEGACY_ORIGIN = 'http://legacy-images.acme-cdn.com'; // expect: insecure-transport
const DEV_ORIGIN = 'http://localhost:8788';

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const cached = await env.IMAGES.get(url.pathname, 'arrayBuffer');
    if (cached) return new Response(cached, { headers: { 'content-type': 'image/webp' } });

    const origin = env.ORIGIN === 'dev' ? DEV_ORIGIN : env.ORIGIN;
    const res = await fetch(`${origin}${url.pathname}`, { // expect: missing-timeout
      cf: { cacheTtl: 86_400, cacheEverything: true },
    });
    if (res.status === 404) {
      const legacy = await fetch(`${LEGACY_ORIGIN}${url.pathname}`, { signal: AbortSignal.timeout(4_000) });
      return new Response(legacy.body, { status: legacy.status });
    }
    if (res.ok) ctx.waitUntil(res.clone().arrayBuffer().then((buf) => env.IMAGES.put(url.pathname, buf)));
    return res;
  },
};
