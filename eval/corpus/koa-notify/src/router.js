const Router = require('@koa/router');
const crypto = require('node:crypto');
const twilio = require('twilio');
const { handleInboundSms } = require('./channels/sms');
const { postToChannel } = require('./channels/slack');
const { recordBounce } = require('./suppression-list');
const log = require('./logger');

const router = new Router();

function koaTwilioWebhook() {
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  return async (ctx, next) => {
    const url = `${process.env.PUBLIC_BASE_URL}${ctx.originalUrl}`;
    const valid = twilio.validateRequest(authToken, ctx.get('x-twilio-signature'), url, ctx.request.body);
    if (!valid) {
      ctx.status = 403;
      return;
    }
    await next();
  };
}

router.post('/twilio/inbound', koaTwilioWebhook(), async (ctx) => {
  const { From, Body } = ctx.request.body;
  await handleInboundSms(From, Body);
  ctx.type = 'text/xml';
  ctx.body = '<Response></Response>';
});

router.post('/slack/events', async (ctx) => {
  const timestamp = ctx.get('x-slack-request-timestamp');
  const slackSignature = ctx.get('x-slack-signature');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
    ctx.status = 400;
    return;
  }
  const base = `v0:${timestamp}:${ctx.request.rawBody}`;
  const mySignature = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(base).digest('hex');
  if (mySignature !== slackSignature) { // expect: timing-unsafe-comparison
    log.warn('slack signature mismatch');
    ctx.status = 401;
    return;
  }
  const payload = ctx.request.body;
  if (payload.type === 'url_verification') {
    ctx.body = { challenge: payload.challenge };
    return;
  }
  if (payload.event && payload.event.type === 'app_mention') {
    await postToChannel(payload.event.channel, `On it, <@${payload.event.user}>!`);
  }
  ctx.status = 200;
});

router.post('/hooks/mailgun', async (ctx) => { // expect: unverified-webhook
  const eventData = ctx.request.body['event-data'] || {};
  log.info(`mailgun ${eventData.event} for ${eventData.recipient}`);
  if (eventData.event === 'failed' && eventData.severity === 'permanent') {
    await recordBounce(eventData.recipient, eventData['delivery-status']);
  }
  ctx.status = 200;
});

router.post('/hooks/sendgrid', async (ctx) => { // expect: unverified-webhook
  const events = Array.isArray(ctx.request.body) ? ctx.request.body : [];
  for (const event of events) {
    if (event.event === 'bounce' || event.event === 'dropped') {
      await recordBounce(event.email, event.reason);
    }
  }
  ctx.status = 204;
});

router.post('/notifications', async (ctx) => {
  const { channel, text } = ctx.request.body;
  await postToChannel(channel, text);
  ctx.status = 202;
});

module.exports = router;
