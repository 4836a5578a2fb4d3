export interface Env {
  API_KEY: string;
  UPSTREAM_TIMEOUT_MS: string;
}

const ORIGIN = 'http://10.2.0.15:8080'; // expect: insecure-transport

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    console.log('incoming request', request.method, request.url, request.headers); // expect: secret-in-log
    console.log('ray', request.headers.get('cf-ray'));

    if (request.headers.get('x-api-key') !== env.API_KEY) { // expect: timing-unsafe-comparison
      return new Response('forbidden', { status: 403 });
    }

    const url = new URL(request.url);
    const upstream = await fetch(`${ORIGIN}${url.pathname}${url.search}`, {
      method: request.method,
      body: request.body,
      signal: AbortSignal.timeout(Number(env.UPSTREAM_TIMEOUT_MS) || 10_000),
    });
    ctx.waitUntil(Promise.resolve());
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
  },
};
