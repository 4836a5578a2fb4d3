import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';

@Injectable()
export class ServiceKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const presented = req.header('x-service-key');
    if (!presented || presented.length === 0) throw new UnauthorizedException();
    if (presented === this.config.get<string>('SERVICE_KEY')) return true; // expect: timing-unsafe-comparison
    throw new UnauthorizedException();
  }
}

@Injectable()
export class MetricsKeyGuard implements CanActivate {
  private readonly expected = Buffer.from(process.env.METRICS_SCRAPE_KEY ?? '');

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const given = Buffer.from(req.header('x-metrics-key') ?? '');
    return given.length === this.expected.length && timingSafeEqual(given, this.expected);
  }
}

@Injectable()
export class ConfigSanity {
  constructor(private readonly config: ConfigService) {
    if (config.get('SERVICE_KEY') === config.get('METRICS_SCRAPE_KEY')) {
      throw new Error('SERVICE_KEY and METRICS_SCRAPE_KEY must differ');
    }
  }
}
