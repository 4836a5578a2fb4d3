import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Webhooks } from '@octokit/webhooks';
import { scheduleCheckRun } from '../ci/checks';

const webhooks = new Webhooks({ secret: process.env.GITHUB_APP_WEBHOOK_SECRET ?? '' });
webhooks.on('pull_request.opened', ({ payload }) => scheduleCheckRun(payload.repository.full_name, payload.pull_request.head.sha));

const router = new Router();

router.post('/github/webhook', bodyParser({ enableTypes: ['text', 'json'] }), async (ctx) => {
  await webhooks.verifyAndReceive({
    id: ctx.get('x-github-delivery'),
    name: ctx.get('x-github-event') as never,
    signature: ctx.get('x-hub-signature-256'),
    payload: ctx.request.rawBody,
  });
  ctx.status = 202;
});

router.post('/gitlab/hook', bodyParser(), async (ctx) => { // expect: unverified-webhook
  const event = ctx.get('x-gitlab-event');
  const body = ctx.request.body as { object_kind: string; project: { path_with_namespace: string }; checkout_sha?: string };
  if (event === 'Push Hook' && body.checkout_sha) await scheduleCheckRun(body.project.path_with_namespace, body.checkout_sha);
  ctx.status = 200;
});

export const app = new Koa().use(router.routes()).use(router.allowedMethods());
