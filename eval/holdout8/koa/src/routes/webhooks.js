const Router = require('@koa/router');
const crypto = require('crypto');
const { enqueue } = require('../queue');
const orders = require('../orders');

const router = new Router({ prefix: '/webhooks' });

router.post('/github', async (ctx) => {
  const sig = ctx.get('x-hub-signature-256');
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.GH_WEBHOOK_SECRET).update(ctx.request.rawBody).digest('hex');
  if (sig !== expected) { // expect: timing-unsafe-comparison
    ctx.status = 401;
    return;
  }
  await enqueue(ctx.request.body);
  ctx.status = 202;
});

router.post('/lemonsqueezy', async (ctx) => { // expect: unverified-webhook
  const { meta, data } = ctx.request.body;
  await orders.apply(meta.event_name, data);
  ctx.status = 200;
});

module.exports = router;
