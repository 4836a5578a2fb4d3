import express from 'express';
import { WebhooksHelper } from 'square';
import { recordPayment } from '../services/payments';

const SIGNATURE_KEY = process.env.SQUARE_WEBHOOK_SIGNATURE_KEY!;
const NOTIFICATION_URL = 'https://api.acme.dev/webhooks/square';

export const squareRouter = express.Router();

squareRouter.post('/webhooks/square', express.text({ type: '*/*' }), async (req, res) => {
  const valid = await WebhooksHelper.verifySignature({
    requestBody: req.body,
    signatureHeader: req.header('x-square-hmacsha256-signature') ?? '',
    signatureKey: SIGNATURE_KEY,
    notificationUrl: NOTIFICATION_URL,
  });
  if (!valid) return res.sendStatus(403);
  const event = JSON.parse(req.body);
  if (event.type === 'payment.updated') await recordPayment(event.data.object.payment);
  res.sendStatus(200);
});
