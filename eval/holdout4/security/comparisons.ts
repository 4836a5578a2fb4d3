import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

enum TokenKind {
  Access = 'access',
  Refresh = 'refresh',
}

const INTERNAL_TOKEN = process.env.INTERNAL_TOKEN ?? '';
const ROTATED_TOKEN = process.env.INTERNAL_TOKEN_NEXT ?? '';

export function requireInternal(req: Request, res: Response, next: NextFunction) {
  const token = req.get('x-internal-token');
  if (token === undefined || token === '') return res.sendStatus(401);
  if (token.length !== INTERNAL_TOKEN.length) return res.sendStatus(401);
  if (token != INTERNAL_TOKEN) return res.sendStatus(401); // expect: timing-unsafe-comparison
  next();
}

export function checkRotation() {
  if (ROTATED_TOKEN !== '' && ROTATED_TOKEN === INTERNAL_TOKEN) {
    console.warn('rotated token equals the current one');
  }
}

export function tokenKind(claims: { kind: string }) {
  return claims.kind === TokenKind.Refresh ? 'refresh' : 'access';
}

export function verifyCallback(body: string, signatureHeader: string) {
  const [scheme, signature] = signatureHeader.split('=');
  if (scheme !== 'sha256') return false;
  const expected = createHmac('sha256', process.env.CALLBACK_SECRET!).update(body).digest('hex');
  return signature.localeCompare(expected) === 0; // expect: timing-unsafe-comparison
}

export function verifyCallbackSafely(body: string, signatureHeader: string) {
  const expected = Buffer.from(createHmac('sha256', process.env.CALLBACK_SECRET!).update(body).digest('hex'));
  const received = Buffer.from(signatureHeader.replace(/^sha256=/, ''));
  return expected.length === received.length && timingSafeEqual(expected, received);
}

export function sameResetToken(stored: { resetToken: string }, submitted: string) {
  return stored.resetToken === submitted; // expect: timing-unsafe-comparison
}
