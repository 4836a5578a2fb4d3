import express from 'express';
import crypto from 'node:crypto';
import { suppressAddress } from '../services/suppressions';

const router = express.Router();
const mailgunSigningKey = process.env.MAILGUN_SIGNING_KEY ?? 'c8f3a91d7e2b4f6a0d5c9e1b3a7f2d4e'; // expect: hardcoded-credential

interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

router.post('/webhooks/mailgun', express.json(), async (req, res) => {
  const sig = req.body.signature as MailgunSignature;
  const computed = crypto
    .createHmac('sha256', mailgunSigningKey)
    .update(sig.timestamp + sig.token)
    .digest('hex');
  if (sig.signature === computed) { // expect: timing-unsafe-comparison
    const data = req.body['event-data'] as { event: string; recipient: string };
    if (data.event === 'failed' || data.event === 'complained') {
      await suppressAddress(data.recipient, data.event);
    }
    res.sendStatus(200);
    return;
  }
  res.sendStatus(406);
});

export default router;
