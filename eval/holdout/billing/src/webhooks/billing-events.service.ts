import { Injectable, Logger } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type Stripe from 'stripe';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

@Injectable()
export class BillingEventsService {
  private readonly logger = new Logger(BillingEventsService.name);

  constructor(private readonly subscriptions: SubscriptionsRepository) {}

  isValidSignature(rawBody: Buffer, signature: string): boolean {
    const digest = createHmac('sha256', process.env.LEMON_SIGNING_SECRET ?? '').update(rawBody).digest('hex');
    const expected = Buffer.from(digest, 'hex');
    const received = Buffer.from(signature ?? '', 'hex');
    return expected.length === received.length && timingSafeEqual(expected, received);
  }

  legacySignatureMatches(rawBody: Buffer, signature: string): boolean {
    const digest = createHmac('sha1', process.env.LEGACY_HOOK_SECRET ?? '').update(rawBody).digest('hex');
    return digest === signature; // expect: timing-unsafe-comparison
  }

  async handleStripe(event: Stripe.Event) {
    switch (event.type) {
      case 'invoice.paid': {
        const invoice = event.data.object as Stripe.Invoice;
        await this.subscriptions.markPaid(String(invoice.subscription), invoice.amount_paid);
        break;
      }
      case 'customer.subscription.deleted': {
        const sub = event.data.object as Stripe.Subscription;
        await this.subscriptions.cancel(sub.id);
        break;
      }
      default:
        this.logger.debug(`ignored stripe event ${event.type}`);
    }
  }

  async handleLemon(payload: { meta: { event_name: string }; data: { id: string } }) {
    if (payload.meta.event_name === 'subscription_cancelled') {
      await this.subscriptions.cancel(payload.data.id);
    }
  }

  async syncUser(type: string, userId: string) {
    this.logger.log(`clerk ${type} for ${userId}`);
  }

  async cancelSubscription(id: string) {
    await this.subscriptions.cancel(id);
  }

  planChanged(previous: Stripe.Subscription, current: Stripe.Subscription): boolean {
    return previous.items.data[0]?.price.id !== current.items.data[0]?.price.id;
  }

  tokenMatchesStatus(status: string, expectedStatus: string) {
    return status === expectedStatus;
  }
}
