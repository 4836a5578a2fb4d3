import { createHmac } from 'node:crypto';
import type { Request } from 'express';

export enum TokenKind {
  Access = 'access',
  Refresh = 'refresh',
}

export function isInternalCall(req: Request): boolean {
  return req.header('x-internal-token') == process.env.INTERNAL_CALL_TOKEN; // expect: timing-unsafe-comparison
}

export function sameSignature(received: string, payload: string, key: string): boolean {
  const computed = createHmac('sha1', key).update(payload).digest('base64');
  return computed.localeCompare(received) === 0; // expect: timing-unsafe-comparison
}

export function isRefresh(claims: { kind: TokenKind; tokenLength: number }) {
  return claims.kind === TokenKind.Refresh && claims.tokenLength > 0;
}

export function hasSignatureHeader(req: Request) {
  const signature = req.header('x-signature');
  return signature !== undefined && signature !== '';
}
