import { Webhooks } from '@octokit/webhooks';
import { triggerDeploy } from '@/lib/deploys';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET as string });

webhooks.on('push', async ({ payload }) => {
  if (payload.ref === `refs/heads/${payload.repository.default_branch}`) {
    await triggerDeploy(payload.repository.full_name, payload.after);
  }
});

webhooks.on('release.published', async ({ payload }) => {
  await triggerDeploy(payload.repository.full_name, payload.release.tag_name);
});

export const POST = async (request: Request): Promise<Response> => {
  const body = await request.text();
  try {
    await webhooks.verifyAndReceive({
      id: request.headers.get('x-github-delivery') ?? '',
      name: request.headers.get('x-github-event') as 'push',
      signature: request.headers.get('x-hub-signature-256') ?? '',
      payload: body,
    });
  } catch (error) {
    return new Response(`rejected: ${(error as Error).message}`, { status: 401 });
  }
  return new Response(null, { status: 202 });
};
