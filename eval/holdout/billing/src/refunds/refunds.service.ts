import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';
import { OrdersRepository } from '../orders/orders.repository';
import { RefundRequestDto } from './dto/refund-request.dto';

@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);
  private readonly stripe: Stripe;

  constructor(
    private readonly config: ConfigService,
    private readonly orders: OrdersRepository,
  ) {
    this.stripe = new Stripe(this.config.getOrThrow<string>('STRIPE_SECRET_KEY'), {
      apiVersion: '2023-10-16',
      timeout: 20_000,
      maxNetworkRetries: 2,
    });
  }

  async refundOrder(orderId: string, dto: RefundRequestDto) {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundException(`order ${orderId} not found`);

    const refund = await this.stripe.refunds.create(
      {
        payment_intent: order.paymentIntentId,
        amount: dto.amountCents,
        reason: dto.reason ?? 'requested_by_customer',
        metadata: { orderId },
      },
      { idempotencyKey: `refund:${orderId}:${dto.requestId}` },
    );

    await this.orders.markRefunded(orderId, refund.id, refund.amount);
    this.logger.log(`refund ${refund.id} created for order ${orderId}`);
    return refund;
  }

  async goodwillCredit(customerId: string, amountCents: number) {
    const customer = await this.stripe.customers.retrieve(customerId);
    if (customer.deleted) throw new NotFoundException('customer was deleted');

    const intent = await this.stripe.paymentIntents.create({ // expect: missing-idempotency-key
      amount: amountCents,
      currency: 'usd',
      customer: customerId,
      confirm: true,
      off_session: true,
      description: 'Goodwill credit',
    });
    this.logger.log(`goodwill intent ${intent.id} status=${intent.status}`);
    return intent;
  }

  async partialRefund(chargeId: string, amountCents: number) {
    return this.stripe.refunds.create({ charge: chargeId, amount: amountCents }); // expect: missing-idempotency-key
  }

  async refundMany(orderIds: string[]) {
    const results: Stripe.Refund[] = [];
    for (const orderId of orderIds) {
      const order = await this.orders.findById(orderId);
      if (!order) continue;
      const key = order.refundKey ?? randomUUID();
      results.push(
        await this.stripe.refunds.create(
          { payment_intent: order.paymentIntentId },
          { idempotencyKey: key },
        ),
      );
    }
    return results;
  }

  async updateRefundMetadata(refundId: string, note: string) {
    return this.stripe.refunds.update(refundId, { metadata: { note } });
  }

  async listRecentRefunds(limit = 20) {
    const page = await this.stripe.refunds.list({ limit });
    return page.data;
  }

  async createCustomer(email: string, name: string) {
    return this.stripe.customers.create({ email, name });
  }
}
