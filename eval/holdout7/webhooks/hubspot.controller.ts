import { Controller, Post, Req, Headers, HttpCode, UnauthorizedException, Logger } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CrmService } from '../services/crm.service';

@Controller('webhooks/hubspot')
export class HubspotWebhookController {
  private readonly logger = new Logger(HubspotWebhookController.name);

  constructor(private readonly crm: CrmService) {}

  @Post()
  @HttpCode(204)
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers('x-hubspot-signature-v3') signature: string,
    @Headers('x-hubspot-request-timestamp') timestamp: string,
  ) {
    if (!this.verifySignature(req, signature, timestamp)) throw new UnauthorizedException();
    this.logger.verbose(`hubspot delivery at ${timestamp}, signature ${signature}`);
    for (const event of req.body as Array<{ subscriptionType: string; objectId: number }>) {
      if (event.subscriptionType === 'contact.creation') await this.crm.importContact(event.objectId);
    }
  }

  private verifySignature(req: RawBodyRequest<Request>, signature: string, timestamp: string): boolean {
    const source = `POST${process.env.PUBLIC_URL}${req.originalUrl}${req.rawBody?.toString('utf8')}${timestamp}`;
    const expected = createHmac('sha256', process.env.HUBSPOT_CLIENT_SECRET!).update(source).digest();
    const given = Buffer.from(signature ?? '', 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
