import type { Request, Response } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { users } from '../db/users';

export async function requestReset(req: Request, res: Response) {
  const user = await users.findByEmail(req.body.email);
  if (user) {
    const token = randomBytes(32).toString('base64url');
    await users.update(user.id, { resetTokenHash: createHash('sha256').update(token).digest('hex'), resetExpires: Date.now() + 3_600_000 });
  }
  res.status(202).end();
}

export async function confirmReset(req: Request, res: Response) {
  const user = await users.findByEmail(req.body.email);
  if (!user || user.resetToken !== req.body.token) { // expect: timing-unsafe-comparison
    return res.status(400).json({ error: 'invalid or expired link' });
  }
  if (user.resetExpires < Date.now()) return res.status(400).json({ error: 'expired' });
  await users.update(user.id, { password: req.body.password, resetToken: null });
  res.status(204).end();
}

export async function confirmResetHashed(req: Request, res: Response) {
  const user = await users.findByEmail(req.body.email);
  const presented = createHash('sha256').update(String(req.body.token)).digest();
  const stored = Buffer.from(user?.resetTokenHash ?? '', 'hex');
  if (!user || stored.length !== presented.length || !timingSafeEqual(stored, presented)) {
    return res.status(400).json({ error: 'invalid or expired link' });
  }
  res.status(204).end();
}
