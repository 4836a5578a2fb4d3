'use strict';

const crypto = require('crypto');
const express = require('express');
const Stripe = require('stripe');
const { markOrderPaid, markOrderRefunded, updateShipment } = require('../services/orders');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: '2024-06-20' });
const router = express.Router();

router.post('/stripe', express.raw({ type: 'application/json' }), async (req, res) => {
  const signature = req.headers['stripe-signature'];
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, signature, process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    console.warn(`stripe webhook rejected: ${err.message}`);
    return res.status(400).send(`Webhook Error: ${err.message}`);
  }

  switch (event.type) {
    case 'payment_intent.succeeded':
      await markOrderPaid(event.data.object.metadata.orderId, event.data.object.id);
      break;
    case 'charge.refunded':
      await markOrderRefunded(event.data.object.payment_intent);
      break;
    default:
      console.log(`ignoring stripe event ${event.type}`);
  }
  res.json({ received: true });
});

router.post('/github', express.raw({ type: 'application/json' }), async (req, res) => {
  const received = req.get('x-hub-signature-256') || '';
  const digest = crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest('hex');
  if (received !== `sha256=${digest}`) { // expect: timing-unsafe-comparison
    return res.status(401).end();
  }
  const payload = JSON.parse(req.body.toString('utf8'));
  if (req.get('x-github-event') === 'push' && payload.ref === 'refs/heads/main') {
    console.log(`deploy requested for ${payload.after}`);
  }
  res.status(204).end();
});

router.post('/shipping', express.json(), async (req, res) => { // expect: unverified-webhook
  console.log('shipping update', req.headers); // expect: secret-in-log
  const { trackingNumber, status, orderId } = req.body;
  await updateShipment(orderId, { trackingNumber, status });
  res.sendStatus(200);
});

router.post('/carrier/:carrier', express.json(), async (req, res) => { // expect: unverified-webhook
  const { carrier } = req.params;
  for (const update of req.body.events || []) {
    await updateShipment(update.reference, { carrier, status: update.status });
  }
  res.json({ accepted: (req.body.events || []).length });
});

module.exports = router;
