import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Stripe from 'stripe';
import { PaymentsService } from '../payments/payments.service';

@Injectable()
export class StripeEventsService {
  private readonly logger = new Logger(StripeEventsService.name);
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;

  constructor(
    config: ConfigService,
    private readonly payments: PaymentsService,
  ) {
    this.stripe = new Stripe(config.getOrThrow<string>('stripe.secretKey'), { apiVersion: '2024-06-20' });
    this.webhookSecret = config.getOrThrow<string>('stripe.webhookSecret');
  }

  verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
  }

  async dispatch(event: Stripe.Event): Promise<void> {
    this.logger.log(`stripe event ${event.id} (${event.type})`);
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = event.data.object as Stripe.PaymentIntent;
        await this.payments.markCaptured(intent.metadata.orderId, intent.id);
        break;
      }
      case 'charge.dispute.created': {
        const dispute = event.data.object as Stripe.Dispute;
        this.logger.warn(`dispute opened for ${dispute.charge}: ${dispute.reason}`);
        break;
      }
      default:
        break;
    }
  }
}
