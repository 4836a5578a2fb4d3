import express, { type Request, type Response } from 'express';
import twilio from 'twilio';
import { updateMessageStatus } from '../sms/store';

const router = express.Router();
const authToken = process.env.TWILIO_AUTH_TOKEN ?? '';

router.post('/twilio/status', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
  const valid = twilio.validateRequest(authToken, req.header('x-twilio-signature') ?? '', `https://${req.get('host')}${req.originalUrl}`, req.body);
  if (!valid) return res.sendStatus(403);
  void updateMessageStatus(req.body.MessageSid, req.body.MessageStatus);
  res.type('text/xml').send('<Response/>');
});

router.post('/twilio/inbound', twilio.webhook({ validate: true }), (req: Request, res: Response) => {
  res.type('text/xml').send(`<Response><Message>Thanks, we got: ${req.body.Body}</Message></Response>`);
});

export default router;
