import { Elysia, t } from 'elysia';

const FX_URL = 'https://fx.example.com';

new Elysia()
  .get('/rates/:base', async ({ params }) => {
    const res = await fetch(`${FX_URL}/latest?base=${params.base}`); // expect: missing-timeout
    if (!res.ok) throw new Error('fx unavailable');
    return res.json();
  })
  .post(
    '/contact',
    async ({ body }) => {
      const res = await fetch('https://crm.example.com/api/contacts', {
        method: 'POST',
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
      return { accepted: res.ok };
    },
    { body: t.Object({ email: t.String(), message: t.String() }) },
  )
  .get('/convert', async ({ query }) => {
    const res = await fetch(`${FX_URL}/convert?from=${query.from}&to=${query.to}`, { signal: AbortSignal.timeout(2_000) });
    const { result } = await res.json(); // expect: unchecked-response-status
    return { result };
  })
  .listen(3000);
