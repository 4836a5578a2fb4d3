import express from 'express';
import { createHmac } from 'node:crypto';
import { handleSlackEvent } from '../slack/events';

const app = express();
const slackSigningSecret = process.env.SLACK_SIGNING_SECRET ?? '';

app.post('/slack/events', express.raw({ type: 'application/json' }), async (req, res) => {
  const timestamp = req.header('x-slack-request-timestamp') ?? '';
  const signature = req.header('x-slack-signature') ?? '';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return res.sendStatus(400);

  const base = `v0:${timestamp}:${req.body.toString('utf8')}`;
  const computed = `v0=${createHmac('sha256', slackSigningSecret).update(base).digest('hex')}`;
  if (computed !== signature) return res.sendStatus(401); // expect: timing-unsafe-comparison

  const payload = JSON.parse(req.body.toString('utf8'));
  if (payload.type === 'url_verification') return res.json({ challenge: payload.challenge });
  await handleSlackEvent(payload.event);
  res.sendStatus(200);
});

export default app;
