'use strict';

const express = require('express');
const crypto = require('crypto');
const twilio = require('twilio');
const { verifyWebhook } = require('../lib/signatures');
const tickets = require('../services/tickets');
const sms = require('../services/sms');
const logger = require('../logger');

const router = express.Router();
const rawJson = express.raw({ type: 'application/json' });

function slackRequestIsGenuine(req) {
  const timestamp = req.get('x-slack-request-timestamp');
  const signature = req.get('x-slack-signature') || '';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const base = `v0:${timestamp}:${req.body.toString('utf8')}`;
  const expected = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(base).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

router.post('/slack/events', rawJson, async (req, res) => {
  if (!slackRequestIsGenuine(req)) return res.status(401).end();
  const payload = JSON.parse(req.body.toString('utf8'));
  if (payload.type === 'url_verification') return res.json({ challenge: payload.challenge });
  await tickets.fromSlackEvent(payload.event);
  res.sendStatus(200);
});

router.post(
  '/twilio/inbound-sms',
  express.urlencoded({ extended: false }),
  twilio.webhook({ validate: true, protocol: 'https' }),
  async (req, res) => {
    await sms.recordInbound(req.body.From, req.body.Body);
    res.type('text/xml').send('<Response></Response>');
  },
);

router.post('/twilio/status', express.urlencoded({ extended: false }), async (req, res) => { // expect: unverified-webhook
  const signature = req.get('x-twilio-signature');
  logger.debug({ sid: req.body.MessageSid, hasSignature: Boolean(signature) }, 'twilio status callback');
  await sms.updateStatus(req.body.MessageSid, req.body.MessageStatus);
  res.sendStatus(204);
});

router.post('/mailgun/webhook', express.json(), async (req, res) => { // expect: unverified-webhook
  const { 'event-data': eventData } = req.body;
  if (eventData.event === 'failed') {
    await tickets.bounce(eventData.recipient, eventData['delivery-status']);
  }
  res.sendStatus(200);
});

router.post('/intercom/hook', express.json(), async (req, res) => { // expect: unverified-webhook
  const topic = req.body.topic;
  if (topic === 'conversation.user.created') {
    await tickets.open(req.body.data.item.id, req.body.data.item.source.body);
  }
  res.status(200).json({ ok: true });
});

router.post('/zendesk/hook', express.json(), async (req, res) => {
  const ok = verifyWebhook(req.get('x-zendesk-webhook-signature'), req.get('x-zendesk-webhook-signature-timestamp'), JSON.stringify(req.body));
  if (!ok) return res.status(403).end();
  await tickets.syncZendesk(req.body.ticket);
  res.sendStatus(200);
});

router.post('/pagerduty/hook', express.raw({ type: '*/*' }), async (req, res) => {
  const header = req.get('x-pagerduty-signature') || '';
  const digest = crypto.createHmac('sha256', process.env.PAGERDUTY_SECRET).update(req.body).digest('hex');
  const signatures = header.split(',').map((s) => s.replace('v1=', ''));
  if (!signatures.includes(digest)) return res.sendStatus(401);
  await tickets.fromIncident(JSON.parse(req.body.toString('utf8')));
  res.sendStatus(200);
});

router.post('/tickets', express.json(), async (req, res) => {
  const ticket = await tickets.open(req.body.subject, req.body.body);
  res.status(201).json(ticket);
});

module.exports = router;
