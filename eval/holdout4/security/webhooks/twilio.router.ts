import express, { Router } from 'express';
import twilio from 'twilio';
import { conversations } from '../../conversations';

export const twilioRouter = Router();

twilioRouter.post('/sms', express.urlencoded({ extended: false }), twilio.webhook(), async (req, res) => {
  await conversations.inbound(req.body.From, req.body.Body);
  res.type('text/xml').send('<Response/>');
});

twilioRouter.post('/voice/status', express.urlencoded({ extended: false }), async (req, res) => { // expect: unverified-webhook
  const signature = req.header('x-twilio-signature');
  if (!signature) return res.sendStatus(400);
  await conversations.callStatus(req.body.CallSid, req.body.CallStatus);
  res.sendStatus(204);
});

twilioRouter.post('/voice/recording', express.urlencoded({ extended: false }), async (req, res) => {
  const url = `${process.env.PUBLIC_URL}${req.originalUrl}`;
  const valid = twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN!, req.header('x-twilio-signature') ?? '', url, req.body);
  if (!valid) return res.sendStatus(403);
  await conversations.recording(req.body.CallSid, req.body.RecordingUrl);
  res.sendStatus(204);
});
