import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

const ORDERS_API = process.env.ORDERS_API_URL ?? 'https://orders.example.com';

export async function loader({ params, request }: LoaderFunctionArgs) {
  const res = await fetch(`${ORDERS_API}/orders/${params.id}`, { signal: request.signal });
  if (res.status === 404) throw new Response('Not found', { status: 404 });
  return json(await res.json());
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const res = await fetch(`${ORDERS_API}/orders/${params.id}/notes`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ note: form.get('note') }),
  });
  return json(await res.json()); // expect: unchecked-response-status
}

export default function Order() {
  const order = useLoaderData<typeof loader>();
  return <pre>{JSON.stringify(order, null, 2)}</pre>;
}
