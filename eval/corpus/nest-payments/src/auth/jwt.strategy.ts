import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';
import * as jwt from 'jsonwebtoken';
import type { Request } from 'express';

export interface AuthUser {
  userId: string;
  roles: string[];
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        cache: true,
        rateLimit: true,
        jwksUri: 'https://login.acme-pay.eu/.well-known/jwks.json',
      }),
      algorithms: ['RS256'],
      issuer: 'https://login.acme-pay.eu/',
    });
  }

  validate(payload: { sub: string; roles?: string[] }): AuthUser {
    if (!payload.sub) throw new UnauthorizedException();
    return { userId: payload.sub, roles: payload.roles ?? [] };
  }
}

/** Audit trail only: records who the caller claims to be on rejected requests. */
export function claimedSubject(req: Request): string | undefined {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (!token) return undefined;
  const claims = jwt.decode(token) as jwt.JwtPayload | null; // expect: jwt-unverified
  return claims?.sub;
}

export function verifyInternal(token: string): jwt.JwtPayload {
  return jwt.verify(token, process.env.INTERNAL_JWT_PUBLIC_KEY as string, { algorithms: ['ES256'] }) as jwt.JwtPayload;
}

export function signInternal(subject: string): string {
  return jwt.sign({ sub: subject, scope: 'internal' }, 'pAy-1nt3rnal-HS256-9c1e77ab', { expiresIn: '5m' }); // expect: hardcoded-credential
}
