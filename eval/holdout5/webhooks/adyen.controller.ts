import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentsService } from '../services/payments.service';

interface NotificationItem {
  pspReference: string;
  originalReference?: string;
  merchantAccountCode: string;
  merchantReference: string;
  amount: { value: number; currency: string };
  eventCode: string;
  success: string;
  additionalData?: { hmacSignature?: string };
}

function verifyAdyenSignature(item: NotificationItem, hmacKeyHex: string): boolean {
  const payload = [
    item.pspReference,
    item.originalReference ?? '',
    item.merchantAccountCode,
    item.merchantReference,
    item.amount.value,
    item.amount.currency,
    item.eventCode,
    item.success,
  ].join(':');
  const expected = createHmac('sha256', Buffer.from(hmacKeyHex, 'hex')).update(payload).digest();
  const given = Buffer.from(item.additionalData?.hmacSignature ?? '', 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

@Controller('webhooks/adyen')
export class AdyenWebhookController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(200)
  async receive(@Body() body: { notificationItems: { NotificationRequestItem: NotificationItem }[] }) {
    for (const { NotificationRequestItem: item } of body.notificationItems) {
      if (!verifyAdyenSignature(item, process.env.ADYEN_HMAC_KEY ?? '')) {
        throw new UnauthorizedException('invalid HMAC');
      }
      if (item.eventCode === 'AUTHORISATION' && item.success === 'true') {
        await this.payments.capture(item.merchantReference, item.pspReference);
      }
    }
    return '[accepted]';
  }
}
