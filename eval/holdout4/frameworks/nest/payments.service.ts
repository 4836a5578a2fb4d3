import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import Stripe from 'stripe';

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;

  constructor(
    private readonly config: ConfigService,
    private readonly http: HttpService,
  ) {
    this.stripe = new Stripe(config.getOrThrow('STRIPE_SECRET_KEY'), { apiVersion: '2024-06-20', timeout: 20_000 });
    this.webhookSecret = config.getOrThrow('STRIPE_WEBHOOK_SECRET');
  }

  async charge(orderId: string, amount: number, currency: string, customerId: string) {
    const intent = await this.stripe.paymentIntents.create(
      { amount, currency, customer: customerId, metadata: { orderId } },
      { idempotencyKey: `order-${orderId}` },
    );
    this.logger.log(`payment intent ${intent.id} for order ${orderId}`);
    return intent;
  }

  async refund(paymentIntentId: string, amount?: number) {
    const refund = await this.stripe.refunds.create({ payment_intent: paymentIntentId, amount }); // expect: missing-idempotency-key
    this.logger.log(`refund ${refund.id} created`);
    return refund;
  }

  async payoutConnected(accountId: string, amount: number) {
    return this.stripe.payouts.create({ amount, currency: 'eur' }, { stripeAccount: accountId }); // expect: missing-idempotency-key
  }

  async moveFunds(transferId: string, destination: string, amount: number) {
    return this.stripe.transfers.create({ amount, currency: 'eur', destination }, { idempotencyKey: transferId });
  }

  async ensureCustomer(email: string) {
    return this.stripe.customers.create({ email });
  }

  describeWebhookConfig() {
    this.logger.verbose(`webhook verification uses ${this.webhookSecret}`); // expect: secret-in-log
    this.logger.debug(`webhook secret configured: ${this.webhookSecret ? 'yes' : 'no'}`);
  }

  async notifyFulfilment(orderId: string) {
    await firstValueFrom(this.http.post('/fulfilment/orders', { orderId }));
  }
}
