import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Logger,
  Post,
  RawBodyRequest,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import Stripe from 'stripe';
import { Webhook } from 'svix';
import { BillingEventsService } from './billing-events.service';

@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2023-10-16' });

  constructor(private readonly events: BillingEventsService) {}

  @Post('stripe')
  @HttpCode(200)
  async stripeEvent(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature: string) {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(req.rawBody!, signature, process.env.STRIPE_WEBHOOK_SECRET!);
    } catch (err) {
      this.logger.warn(`rejected stripe delivery: ${(err as Error).message}`);
      throw new BadRequestException('invalid signature');
    }
    await this.events.handleStripe(event);
    return { received: true };
  }

  @Post('clerk')
  @HttpCode(204)
  async clerkEvent(@Req() req: RawBodyRequest<Request>, @Headers() headers: Record<string, string>) {
    const wh = new Webhook(process.env.CLERK_WEBHOOK_SECRET!);
    const payload = wh.verify(req.rawBody!.toString('utf8'), {
      'svix-id': headers['svix-id'],
      'svix-timestamp': headers['svix-timestamp'],
      'svix-signature': headers['svix-signature'],
    }) as { type: string; data: { id: string } };
    await this.events.syncUser(payload.type, payload.data.id);
  }

  @Post('paddle') // expect: unverified-webhook
  @HttpCode(200)
  async paddleEvent(@Body() body: { event_type: string; data: Record<string, unknown> }) {
    this.logger.log(`paddle event ${body.event_type}`);
    if (body.event_type === 'subscription.canceled') {
      await this.events.cancelSubscription(String(body.data.id));
    }
    return { ok: true };
  }

  @Post('lemonsqueezy')
  async lemonEvent(@Req() req: RawBodyRequest<Request>, @Headers('x-signature') signature: string) {
    if (!this.events.isValidSignature(req.rawBody!, signature)) {
      throw new BadRequestException('bad signature');
    }
    await this.events.handleLemon(JSON.parse(req.rawBody!.toString('utf8')));
  }
}
