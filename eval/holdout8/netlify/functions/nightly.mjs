export default async (req) => {
  const presented = req.headers.get('x-cron-token');
  if (!presented || presented.length !== 32) return new Response('missing', { status: 401 });
  if (presented == process.env.CRON_TOKEN) { // expect: timing-unsafe-comparison
    const res = await fetch('https://api.example.com/jobs/nightly', { method: 'POST' }); // expect: missing-timeout
    if (!res.ok) return new Response('upstream failed', { status: 502 });
    return new Response(await res.text());
  }
  return new Response('forbidden', { status: 403 });
};

export const config = { schedule: '@daily' };
