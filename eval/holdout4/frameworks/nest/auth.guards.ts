import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import jwt from 'jsonwebtoken';
import type { Request } from 'express';
import { signingKeys } from './signing-keys';

@Injectable()
export class TenantGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { tenantId?: string }>();
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^Bearer /, '');
    const claims = jwt.decode(token) as { tenantId?: string } | null; // expect: jwt-unverified
    if (!claims?.tenantId) throw new UnauthorizedException();
    req.tenantId = claims.tenantId;
    return true;
  }
}

@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const token: string | undefined = req.cookies?.session;
    if (!token) throw new UnauthorizedException();
    const decoded = jwt.decode(token, { complete: true });
    const key = signingKeys.get(decoded?.header.kid ?? '');
    if (!key) throw new UnauthorizedException();
    req.user = jwt.verify(token, key, { algorithms: ['RS256'] });
    return true;
  }
}

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const apiKey = req.header('x-api-key');
    if (!apiKey || apiKey.length === 0) throw new UnauthorizedException();
    if (apiKey !== this.config.get<string>('INTERNAL_API_KEY')) throw new UnauthorizedException(); // expect: timing-unsafe-comparison
    return true;
  }
}
