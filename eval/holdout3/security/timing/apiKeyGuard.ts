import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual, createHash } from 'node:crypto';

enum KeyKind {
  Live = 'live',
  Sandbox = 'sandbox',
}

interface ApiKeyRecord {
  id: string;
  kind: KeyKind;
  hashedKey: string;
  revoked: boolean;
}

const config = {
  adminToken: process.env.ADMIN_TOKEN ?? '',
  legacyAdminToken: process.env.LEGACY_ADMIN_TOKEN ?? '',
};

// Start-up consistency check: both values come from our own environment.
if (config.legacyAdminToken && config.legacyAdminToken === config.adminToken) {
  console.warn('LEGACY_ADMIN_TOKEN duplicates ADMIN_TOKEN; remove it');
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const header = req.header('authorization') ?? '';
  const [scheme, presented] = header.split(' ');
  if (scheme !== 'Bearer' || !presented) {
    return res.status(401).json({ error: 'missing bearer token' });
  }
  if (presented !== config.adminToken) { // expect: timing-unsafe-comparison
    return res.status(403).json({ error: 'forbidden' });
  }
  next();
}

export function makeKeyGuard(lookup: (id: string) => Promise<ApiKeyRecord | null>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const raw = req.header('x-api-key');
    if (!raw || raw.length < 20) return res.status(401).end();
    const [id] = raw.split('.');
    const record = await lookup(id);
    if (!record || record.revoked) return res.status(401).end();
    if (record.kind === KeyKind.Sandbox && req.path.startsWith('/v1/live')) {
      return res.status(403).json({ error: 'sandbox key on live endpoint' });
    }
    const presentedHash = sha256(raw);
    const storedHash = Buffer.from(record.hashedKey, 'hex');
    if (presentedHash.length !== storedHash.length || !timingSafeEqual(presentedHash, storedHash)) {
      return res.status(401).end();
    }
    next();
  };
}

export function checkPreviewSecret(req: Request, res: Response, next: NextFunction) {
  const secret = req.query.secret;
  if (typeof secret === 'string' && secret == process.env.PREVIEW_SECRET) { // expect: timing-unsafe-comparison
    return next();
  }
  res.status(404).end();
}
