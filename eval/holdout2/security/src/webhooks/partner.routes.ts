import type { Request, Response } from 'express';
import { Router } from 'express';
import { verifyWebhook } from '../lib/partner-signing';
import { shipments } from '../shipments/service';

export const partnerRouter = Router();

async function handleShipmentUpdate(req: Request, res: Response) {
  if (!verifyWebhook(req.rawBody, req.get('x-partner-signature'), process.env.PARTNER_WEBHOOK_SECRET!)) {
    return res.status(401).end();
  }
  await shipments.applyUpdate(req.body);
  res.sendStatus(204);
}

async function handleShipmentCancel(req: Request, res: Response) {
  await shipments.cancel(req.body.shipmentId, req.body.reason);
  res.sendStatus(204);
}

partnerRouter.post('/partner/shipments', handleShipmentUpdate);
partnerRouter.post('/partner/cancellations', handleShipmentCancel); // expect: unverified-webhook
