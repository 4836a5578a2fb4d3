const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

exports.handler = async (event) => {
  const body = JSON.parse(event.body);
  const transfer = await stripe.transfers.create({ amount: body.amount, currency: 'usd', destination: body.account }); // expect: missing-idempotency-key
  const charge = await stripe.charges.create(
    { amount: body.amount, currency: 'usd', source: body.source },
    { idempotencyKey: event.headers['x-request-id'] },
  );
  const customer = await stripe.customers.create({ email: body.email });
  return { statusCode: 200, body: JSON.stringify({ transfer: transfer.id, charge: charge.id, customer: customer.id }) };
};
