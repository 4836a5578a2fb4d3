import { Router } from 'express';
import { verifyWebhookSignature } from '../lib/signatures';
import { bookMeeting, cancelMeeting } from '../meetings';

export const calendlyRouter = Router();

calendlyRouter.post('/webhooks/calendly', async (req, res) => {
  if (!verifyWebhookSignature(req.header('calendly-webhook-signature'), req.body, process.env.CALENDLY_SIGNING_KEY)) {
    return res.sendStatus(401);
  }
  if (req.body.event === 'invitee.created') await bookMeeting(req.body.payload);
  res.sendStatus(204);
});

calendlyRouter.post('/webhooks/cal-com', async (req, res) => { // expect: unverified-webhook
  const { triggerEvent, payload } = req.body as { triggerEvent: string; payload: { uid: string } };
  if (triggerEvent === 'BOOKING_CANCELLED') await cancelMeeting(payload.uid);
  res.sendStatus(204);
});
