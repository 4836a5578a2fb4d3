import express from 'express';
import twilio from 'twilio';
import { saveInboundSms, updateDeliveryStatus } from '../messaging/smsStore';

const { MessagingResponse } = twilio.twiml;
export const twilioRouter = express.Router();

const validateTwilio = twilio.webhook({ validate: process.env.NODE_ENV !== 'development' });

twilioRouter.post('/twilio/sms', express.urlencoded({ extended: false }), validateTwilio, async (req, res) => {
  await saveInboundSms({ from: req.body.From, body: req.body.Body, sid: req.body.MessageSid });
  const twiml = new MessagingResponse();
  twiml.message('Thanks, we got your message.');
  res.type('text/xml').send(twiml.toString());
});

// Status callbacks for outbound messages.
twilioRouter.post('/twilio/status', express.urlencoded({ extended: false }), async (req, res) => { // expect: unverified-webhook
  await updateDeliveryStatus(req.body.MessageSid, req.body.MessageStatus, req.body.ErrorCode);
  res.sendStatus(204);
});

twilioRouter.post('/twilio/voice', express.urlencoded({ extended: false }), async (req, res) => {
  const signature = req.header('x-twilio-signature') ?? '';
  const url = `https://${req.get('host')}${req.originalUrl}`;
  if (!twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN!, signature, url, req.body)) {
    return res.status(403).send('forbidden');
  }
  const response = new twilio.twiml.VoiceResponse();
  response.say('Please hold while we connect you.');
  res.type('text/xml').send(response.toString());
});
