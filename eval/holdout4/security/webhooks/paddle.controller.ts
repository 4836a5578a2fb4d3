import { Body, Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PaddleService } from './paddle.service';
import { ResendService } from './resend.service';

@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly paddle: PaddleService,
    private readonly resend: ResendService,
  ) {}

  @Post('paddle') @HttpCode(200) async paddleEvent(@Req() req: RawBodyRequest<Request>, @Headers('paddle-signature') signature: string) {
    if (!this.paddle.verifySignature(req.rawBody!, signature)) return { ok: false };
    await this.paddle.handle(JSON.parse(req.rawBody!.toString('utf8')));
    return { ok: true };
  }

  @Post('resend') @HttpCode(200) async resendEvent(@Body() body: { type: string; data: { email_id: string } }) { // expect: unverified-webhook
    await this.resend.recordDelivery(body.type, body.data.email_id);
    return { ok: true };
  }
}
