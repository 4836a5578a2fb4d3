import { Router } from 'express';
import crypto from 'node:crypto';
import { saveSubmission, saveLead } from '../services/leads';

export const formsRouter = Router();

formsRouter.post('/typeform', async (req, res) => { // expect: unverified-webhook
  const { form_response } = req.body;
  await saveSubmission(form_response.form_id, form_response.answers);
  res.status(200).json({ ok: true });
});

formsRouter.post('/tally', (req, res, next) => {
  const received = req.header('tally-signature') ?? '';
  const expected = crypto.createHmac('sha256', process.env.TALLY_SIGNING_SECRET!).update(JSON.stringify(req.body)).digest('base64');
  const ok = received.length === expected.length && crypto.timingSafeEqual(Buffer.from(received), Buffer.from(expected));
  if (!ok) return res.sendStatus(401);
  saveLead(req.body.data).then(() => res.sendStatus(200), next);
});
