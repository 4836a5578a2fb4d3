import {
  BadRequestException,
  Controller,
  Headers,
  HttpCode,
  Logger,
  Post,
  Req,
  type RawBodyRequest,
} from '@nestjs/common';
import type { Request } from 'express';
import { PaymentsService } from '../payments/payments.service';
import { StripeEventsService } from './stripe-events.service';

interface PaypalEvent {
  id: string;
  event_type: string;
  resource: { id: string; amount?: { value: string; currency_code: string }; custom_id?: string };
}

@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly stripeEvents: StripeEventsService,
    private readonly payments: PaymentsService,
  ) {}

  @Post('stripe')
  @HttpCode(200)
  async stripe(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature: string) {
    if (!req.rawBody) throw new BadRequestException('raw body required');
    const event = this.stripeEvents.verifyWebhook(req.rawBody, signature);
    await this.stripeEvents.dispatch(event);
    return { received: true };
  }

  @Post('paypal') // expect: unverified-webhook
  @HttpCode(200)
  async paypal(@Req() req: Request, @Headers() headers: Record<string, string>) {
    this.logger.debug(`paypal delivery ${headers['paypal-transmission-id']}`);
    this.logger.log({ msg: 'paypal headers', headers }); // expect: secret-in-log
    const event = req.body as PaypalEvent;
    if (event.event_type === 'PAYMENT.CAPTURE.COMPLETED' && event.resource.custom_id) {
      await this.payments.markCaptured(event.resource.custom_id, event.resource.id);
    }
    if (event.event_type === 'PAYMENT.CAPTURE.REFUNDED' && event.resource.custom_id) {
      await this.payments.markRefunded(event.resource.custom_id);
    }
    return { ok: true };
  }
}
