import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Webhooks } from '@octokit/webhooks';
import { syncInstallation, recordConversation } from '../services/integrations';

const octokitWebhooks = new Webhooks({ secret: process.env.GITHUB_APP_WEBHOOK_SECRET! });

export const hooksRouter = new Router({ prefix: '/integrations' });

hooksRouter.post('/github', bodyParser({ enableTypes: ['text', 'json'] }), async (ctx) => {
  const signature = ctx.get('x-hub-signature-256');
  const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
  if (!(await octokitWebhooks.verify(raw, signature))) {
    ctx.status = 401;
    return;
  }
  const event = JSON.parse(raw);
  if (event.installation) await syncInstallation(event.installation.id);
  ctx.status = 204;
});

// Intercom conversation events; their signature is an X-Hub-Signature SHA-1 we never wired up.
hooksRouter.post('/intercom', bodyParser(), async (ctx) => { // expect: unverified-webhook
  const topic = (ctx.request.body as { topic: string }).topic;
  if (topic === 'conversation.user.replied') {
    await recordConversation(ctx.request.body);
  }
  ctx.status = 200;
});
