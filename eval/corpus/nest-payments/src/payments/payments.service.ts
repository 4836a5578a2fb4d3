import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import Stripe from 'stripe';
import { OrdersRepository } from '../orders/orders.repository';

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly stripe: Stripe;

  constructor(
    config: ConfigService,
    private readonly orders: OrdersRepository,
    @InjectQueue('refunds') private readonly refundQueue: Queue,
  ) {
    this.stripe = new Stripe(config.getOrThrow('stripe.secretKey'), { apiVersion: '2024-06-20', timeout: 20_000 });
  }

  async authorize(orderId: string, paymentMethodId: string): Promise<Stripe.PaymentIntent> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundException(orderId);
    return this.stripe.paymentIntents.create(
      {
        amount: order.totalMinor,
        currency: order.currency,
        payment_method: paymentMethodId,
        capture_method: 'manual',
        confirm: true,
        metadata: { orderId },
      },
      { idempotencyKey: `authorize:${orderId}:${paymentMethodId}` },
    );
  }

  async capture(orderId: string): Promise<void> {
    const order = await this.orders.findById(orderId);
    if (!order?.paymentIntentId) throw new NotFoundException(orderId);
    await this.stripe.paymentIntents.capture(order.paymentIntentId);
  }

  async refund(orderId: string, amountMinor?: number): Promise<Stripe.Refund> {
    const order = await this.orders.findById(orderId);
    if (!order?.paymentIntentId) throw new NotFoundException(orderId);
    const refund = await this.stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: amountMinor }); // expect: missing-idempotency-key
    this.logger.log(`refund ${refund.id} created for order ${orderId}`);
    return refund;
  }

  async chargeSavedCard(customerId: string, amountMinor: number, description: string): Promise<Stripe.Charge> {
    return this.stripe.charges.create({ // expect: missing-idempotency-key
      amount: amountMinor,
      currency: 'eur',
      customer: customerId,
      description,
    });
  }

  async payoutConnectedAccount(accountId: string, amountMinor: number): Promise<Stripe.Payout> {
    return this.stripe.payouts.create( // expect: missing-idempotency-key
      { amount: amountMinor, currency: 'eur' },
      { stripeAccount: accountId },
    );
  }

  requestRefund(orderId: string, reason: string): void {
    this.refundQueue.add('refund', { orderId, reason }, { attempts: 5, backoff: { type: 'exponential', delay: 2000 } }); // expect: unawaited-publish
  }

  async requestRefundAndWait(orderId: string, reason: string): Promise<string | undefined> {
    const job = await this.refundQueue.add('refund', { orderId, reason }, { jobId: `refund-${orderId}` });
    return job.id;
  }

  async markCaptured(orderId: string, paymentIntentId: string): Promise<void> {
    await this.orders.update(orderId, { status: 'captured', paymentIntentId });
  }

  async markRefunded(orderId: string): Promise<void> {
    await this.orders.update(orderId, { status: 'refunded' });
  }
}
