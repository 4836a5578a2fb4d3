import { BadRequestException, Body, Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Webhook } from 'standard-webhooks';
import { SubscriptionsService } from './subscriptions.service';

@Controller('paddle')
export class PaddleController {
  private readonly verifier = new Webhook(process.env.PADDLE_WEBHOOK_SECRET ?? '');

  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post('events')
  @HttpCode(200)
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers('webhook-id') id: string,
    @Headers('webhook-timestamp') timestamp: string,
    @Headers('webhook-signature') signature: string,
  ) {
    let event: { event_type: string; data: { id: string; status: string } };
    try {
      event = this.verifier.verify(req.rawBody!.toString('utf8'), {
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': signature,
      }) as typeof event;
    } catch {
      throw new BadRequestException('invalid signature');
    }
    await this.subscriptions.apply(event.event_type, event.data);
    return { received: true };
  }

  @Post('sync')
  async manualSync(@Body() body: { subscriptionId: string }) {
    return this.subscriptions.resync(body.subscriptionId);
  }
}
