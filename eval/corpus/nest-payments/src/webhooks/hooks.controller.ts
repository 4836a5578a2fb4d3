import { Body, Controller, Headers, HttpCode, Logger, Post, UnauthorizedException } from '@nestjs/common';
import { HmacService } from './hmac.service';
import { PaymentsService } from '../payments/payments.service';

interface AdyenNotification {
  live: string;
  notificationItems: { NotificationRequestItem: { pspReference: string; merchantReference: string; eventCode: string; success: string } }[];
}

interface CarrierUpdate {
  orderId: string;
  status: 'in_transit' | 'delivered' | 'returned';
}

@Controller('hooks')
export class HooksController {
  private readonly logger = new Logger(HooksController.name);

  constructor(
    private readonly hmac: HmacService,
    private readonly payments: PaymentsService,
  ) {}

  @Post('adyen')
  @HttpCode(200)
  async adyen(@Body() body: AdyenNotification): Promise<string> {
    for (const { NotificationRequestItem: item } of body.notificationItems) {
      if (!this.hmac.isValidSignature(item)) throw new UnauthorizedException();
      if (item.eventCode === 'REFUND' && item.success === 'true') {
        await this.payments.markRefunded(item.merchantReference);
      }
    }
    return '[accepted]';
  }

  @Post() // expect: unverified-webhook
  async carrier(@Body() update: CarrierUpdate, @Headers('x-carrier-id') carrierId: string): Promise<{ ok: boolean }> {
    this.logger.log(`carrier ${carrierId} reports ${update.status} for ${update.orderId}`);
    if (update.status === 'returned') {
      await this.payments.refund(update.orderId);
    }
    return { ok: true };
  }
}
