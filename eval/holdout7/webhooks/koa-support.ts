import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import crypto from 'node:crypto';
import { openTicketFromSentry, syncZendeskTicket } from '../services/support';

export const router = new Router({ prefix: '/webhooks' });

function isValidSentrySignature(body: string, signature: string): boolean {
  const digest = crypto.createHmac('sha256', process.env.SENTRY_CLIENT_SECRET!).update(body, 'utf8').digest('hex');
  return digest.length === signature.length && crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature));
}

router.post('/sentry', bodyParser({ encoding: 'utf-8' }), async (ctx) => {
  const signature = ctx.get('sentry-hook-signature');
  if (!isValidSentrySignature(ctx.request.rawBody, signature)) {
    ctx.status = 401;
    return;
  }
  if (ctx.get('sentry-hook-resource') === 'issue') await openTicketFromSentry(ctx.request.body.data.issue);
  ctx.status = 200;
});

router.post('/zendesk', bodyParser(), async (ctx) => { // expect: unverified-webhook
  const signature = ctx.get('x-zendesk-webhook-signature');
  if (!signature) {
    ctx.status = 400;
    return;
  }
  await syncZendeskTicket(ctx.request.body.ticket);
  ctx.status = 204;
});
