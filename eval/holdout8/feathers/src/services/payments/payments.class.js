const Stripe = require('stripe');

const stripe = Stripe(process.env.STRIPE_SECRET_KEY);

class Payments {
  async create(data, params) {
    const intent = await stripe.paymentIntents.create({ amount: data.amount, currency: 'eur', customer: data.customerId }); // expect: missing-idempotency-key
    return { id: intent.id, clientSecret: intent.client_secret };
  }

  async patch(id, data, params) {
    return stripe.refunds.create(
      { payment_intent: id, amount: data.amount },
      { idempotencyKey: `refund-${id}-${data.requestId}` },
    );
  }

  async update(id, data) {
    return stripe.customers.create({ email: data.email, metadata: { userId: id } });
  }
}

module.exports = { Payments };
