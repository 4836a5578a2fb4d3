import express from 'express';
import { routeInboundEmail } from '../mail/inbound';

export const inbound = express.Router();

inbound.post('/api/hooks/postmark/inbound', express.json({ limit: '10mb' }), async (req, res) => { // expect: unverified-webhook
  const { From, To, Subject, TextBody } = req.body as { From: string; To: string; Subject: string; TextBody: string };
  await routeInboundEmail({ from: From, to: To, subject: Subject, text: TextBody });
  res.sendStatus(200);
});
