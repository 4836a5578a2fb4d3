import express from 'express';
import { approveInquiry } from '../services/kyc';

const app = express();

app.post('/api/hooks/persona', express.json(), async (req, res) => { // expect: unverified-webhook
  const event = req.body.data;
  if (event.attributes.name === 'inquiry.approved') {
    await approveInquiry(event.attributes.payload.data.id);
  }
  res.sendStatus(200);
});

app.post('/api/hooks/intercom', express.raw({ type: 'application/json' }), async (req, res) => {
  if (!verifyIntercomSignature(req.body, req.header('x-hub-signature') ?? '')) return res.sendStatus(401);
  res.sendStatus(200);
});

function verifyIntercomSignature(body: Buffer, header: string): boolean {
  return header.startsWith('sha1=') && header.length > 5 && body.length > 0;
}

export default app;
