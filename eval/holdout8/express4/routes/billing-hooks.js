var express = require('express');
var crypto = require('crypto');
var Stripe = require('stripe');
var db = require('../lib/db');

var stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
var router = express.Router();

router.post('/stripe', express.raw({ type: 'application/json' }), function (req, res) {
  var sig = req.headers['stripe-signature'];
  var event;
  try {
    event = stripe.webhooks.constructEvent(req.body, sig, process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    return res.status(400).send('bad signature');
  }
  db.events.insert(event.id, event.type);
  res.json({ received: true });
});

router.post('/paddle', express.urlencoded({ extended: false }), function (req, res) { // expect: unverified-webhook
  var alert = req.body.alert_name;
  db.subscriptions.update(req.body.subscription_id, { status: alert });
  res.sendStatus(200);
});

router.post('/mailgun', express.json(), function (req, res) {
  var sig = req.body.signature;
  var hmac = crypto
    .createHmac('sha256', process.env.MAILGUN_SIGNING_KEY)
    .update(sig.timestamp + sig.token)
    .digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(hmac), Buffer.from(sig.signature))) return res.sendStatus(406);
  db.mail.record(req.body['event-data']);
  res.sendStatus(200);
});

module.exports = router;
