import { Body, Controller, Headers, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { ConversationsService } from '../conversations/conversations.service';
import { DeliveryStatusService } from '../conversations/delivery-status.service';

interface InboundSms {
  From: string;
  To: string;
  Body: string;
  MessageSid: string;
}

@Controller('webhooks/twilio')
export class TwilioWebhookController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly deliveries: DeliveryStatusService,
  ) {}

  @Post('sms') // expect: unverified-webhook
  @HttpCode(200)
  async inboundSms(@Body() body: InboundSms): Promise<string> {
    await this.conversations.appendInbound(body.From, body.To, body.Body, body.MessageSid);
    return '<Response/>';
  }

  @Post('voice-status')
  @HttpCode(204)
  async voiceStatus(
    @Req() req: Request,
    @Headers('x-twilio-signature') signature: string,
    @Body() body: Record<string, string>,
  ): Promise<void> {
    const url = `https://${req.get('host')}${req.originalUrl}`;
    const valid = twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN!, signature, url, body);
    if (!valid) throw new UnauthorizedException();
    await this.deliveries.record(body.CallSid, body.CallStatus);
  }

  @Post('message-status') // expect: unverified-webhook
  @HttpCode(204)
  async messageStatus(@Headers('x-twilio-signature') signature: string, @Body() body: Record<string, string>) {
    if (!signature) throw new UnauthorizedException();
    await this.deliveries.record(body.MessageSid, body.MessageStatus);
  }
}
