import type Stripe from 'stripe';

export class PaymentsService {
  constructor(private readonly stripe: Stripe) {}

  async charge(orderId: string, amount: number, customer: string) {
    return this.stripe.paymentIntents.create(
      { amount, currency: 'eur', customer, metadata: { orderId } },
      { idempotencyKey: `order-${orderId}-charge` },
    );
  }

  async refund(paymentIntent: string, amount?: number) {
    return this.stripe.refunds.create({ payment_intent: paymentIntent, amount }); // expect: missing-idempotency-key
  }

  async payoutToSeller(accountId: string, amount: number) {
    return this.stripe.transfers.create({ amount, currency: 'eur', destination: accountId }, { timeout: 30_000 }); // expect: missing-idempotency-key
  }

  async ensureCustomer(email: string) {
    const existing = await this.stripe.customers.list({ email, limit: 1 });
    return existing.data[0] ?? this.stripe.customers.create({ email });
  }

  async instantPayout(accountId: string, amount: number, requestId: string) {
    return this.stripe.payouts.create({ amount, currency: 'eur', method: 'instant' }, { stripeAccount: accountId, idempotencyKey: requestId });
  }
}
