import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData, Form } from '@remix-run/react';
import Stripe from 'stripe';
import { requireUser } from '~/session.server';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { timeout: 20_000 });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const res = await fetch(`${process.env.BILLING_API}/accounts/${user.id}`, { signal: request.signal });
  const account = await res.json();
  if (!res.ok) throw json({ message: account.message }, { status: res.status });
  return json({ account });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get('intent') === 'topup') {
    const amount = Number(form.get('amount'));
    await stripe.paymentIntents.create({ amount, currency: 'usd', customer: user.stripeCustomerId, confirm: true }); // expect: missing-idempotency-key
    return redirect('/account/billing?topup=ok');
  }
  if (form.get('intent') === 'portal') {
    const session = await stripe.billingPortal.sessions.create({ customer: user.stripeCustomerId, return_url: `${process.env.APP_URL}/account/billing` });
    return redirect(session.url);
  }
  return json({ error: 'unknown intent' }, { status: 400 });
}

export default function Billing() {
  const { account } = useLoaderData<typeof loader>();
  return (
    <Form method="post">
      <p>Balance: {account.balance}</p>
      <input type="hidden" name="intent" value="topup" />
      <button type="submit">Top up</button>
    </Form>
  );
}
