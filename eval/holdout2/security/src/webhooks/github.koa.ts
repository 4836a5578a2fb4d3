import crypto from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Webhooks } from '@octokit/webhooks';
import { triggerDeploy, syncIssue, mirrorPush } from '../ci/actions';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET! });
webhooks.on('push', async ({ payload }) => {
  if (payload.ref === 'refs/heads/main') await triggerDeploy(payload.repository.full_name, payload.after);
});

const router = new Router({ prefix: '/hooks' });

router.post('/github', async (ctx) => {
  await webhooks.verifyAndReceive({
    id: ctx.get('x-github-delivery'),
    name: ctx.get('x-github-event') as any,
    signature: ctx.get('x-hub-signature-256'),
    payload: ctx.request.rawBody,
  });
  ctx.status = 202;
});

// Old GitHub App installation, still pointed here until the org migration is done.
router.post('/github/legacy', async (ctx) => { // expect: unverified-webhook
  const event = ctx.get('x-github-event');
  const body = ctx.request.body as any;
  if (event === 'issues') await syncIssue(body.repository.full_name, body.issue.number);
  if (event === 'push') await triggerDeploy(body.repository.full_name, body.after);
  ctx.status = 204;
});

router.post('/gitea', async (ctx) => {
  const signature = ctx.get('x-gitea-signature');
  const digest = crypto.createHmac('sha256', process.env.GITEA_WEBHOOK_SECRET!).update(ctx.request.rawBody).digest('hex');
  if (signature !== digest) { // expect: timing-unsafe-comparison
    ctx.throw(401, 'signature mismatch');
  }
  const body = ctx.request.body as any;
  await mirrorPush(body.repository.full_name, body.after);
  ctx.status = 204;
});

const app = new Koa();
app.use(bodyParser({ enableTypes: ['json'] }));
app.use(router.routes()).use(router.allowedMethods());

export default app;
