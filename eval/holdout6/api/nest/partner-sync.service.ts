import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cron, CronExpression } from '@nestjs/schedule';
import axios, { type AxiosInstance } from 'axios';

@Injectable()
export class PartnerSyncService implements OnModuleInit {
  private readonly logger = new Logger(PartnerSyncService.name);
  private client!: AxiosInstance;
  private accessToken?: string;

  constructor(private readonly config: ConfigService) {}

  onModuleInit() {
    this.client = axios.create({ // expect: missing-timeout
      baseURL: this.config.getOrThrow<string>('PARTNER_API_URL'),
      headers: { 'user-agent': 'acme-partner-sync/3.2' },
    });
  }

  private async refreshToken() {
    const { data } = await this.client.post<{ access_token: string; expires_in: number }>('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: this.config.get('PARTNER_CLIENT_ID'),
      client_secret: this.config.get('PARTNER_CLIENT_SECRET'),
    });
    this.accessToken = data.access_token;
    this.logger.debug(`partner token refreshed: ${data.access_token}`); // expect: secret-in-log
    this.logger.log(`partner token valid for ${data.expires_in}s`);
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async syncCatalogue() {
    if (!this.accessToken) await this.refreshToken();
    const { data } = await this.client.get<{ items: unknown[] }>('/catalogue', {
      headers: { authorization: `Bearer ${this.accessToken}` },
    });
    this.logger.log(`synced ${data.items.length} catalogue items`);
  }
}
