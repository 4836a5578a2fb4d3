const Stripe = require('stripe');
const https = require('https');

const secretKey = process.env.STRIPE_SECRET_KEY;
const stripe = new Stripe(secretKey);

function notifyFinance(payoutId) {
  return new Promise((resolve, reject) => {
    const req = https.request('https://finance.example.com/api/payouts', { method: 'POST' }, (res) => { // expect: missing-timeout
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ payoutId }));
  });
}

module.exports = async function (context, req) {
  context.log.warn(`stripe secret key ${secretKey}`); // expect: secret-in-log
  context.log.info(`stripe key configured: ${secretKey ? 'yes' : 'no'}`);
  const payout = await stripe.payouts.create({ amount: req.body.amount, currency: 'eur' }, { stripeAccount: req.body.account }); // expect: missing-idempotency-key
  const keyed = await stripe.payouts.create({ amount: 100, currency: 'eur' }, { idempotencyKey: req.body.requestId });
  await notifyFinance(payout.id);
  context.res = { status: 200, body: { payout: payout.id, keyed: keyed.id } };
};
