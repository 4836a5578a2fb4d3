import type { APIRoute } from 'astro';

const BUTTONDOWN_API_KEY = import.meta.env.BUTTONDOWN_API_KEY;

export const POST: APIRoute = async ({ request }) => {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const res = await fetch('https://api.buttondown.email/v1/subscribers', { // expect: missing-timeout
    method: 'POST',
    headers: { authorization: `Token ${BUTTONDOWN_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email_address: email }),
  });
  if (res.status === 201) return new Response(null, { status: 303, headers: { location: '/thanks' } });
  const detail = await res.json();
  return new Response(JSON.stringify(detail), { status: 400 });
};

export const GET: APIRoute = async () => {
  const stats = await (await fetch('https://api.buttondown.email/v1/subscribers?page_size=1', { headers: { authorization: `Token ${BUTTONDOWN_API_KEY}` }, signal: AbortSignal.timeout(3_000) })).json(); // expect: unchecked-response-status
  return new Response(JSON.stringify({ count: stats.count }));
};
