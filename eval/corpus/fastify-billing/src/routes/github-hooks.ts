import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Webhooks } from '@octokit/webhooks';
import { syncInstallation, recordPipeline } from '../services/installations.js';

const github = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET! });

interface GitlabPipelineEvent {
  object_kind: string;
  project: { id: number; path_with_namespace: string };
  object_attributes: { id: number; status: string; ref: string };
}

export default async function hookRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    done(null, body);
  });

  fastify.post('/hooks/github', async (request: FastifyRequest<{ Body: string }>, reply) => {
    const signature = request.headers['x-hub-signature-256'] as string | undefined;
    if (!signature) {
      return reply.code(400).send({ error: 'missing signature' });
    }
    const valid = await github.verify(request.body, signature);
    if (!valid) {
      request.log.warn({ delivery: request.headers['x-github-delivery'] }, 'bad github signature');
      return reply.code(401).send();
    }
    const event = JSON.parse(request.body);
    if (event.installation) {
      await syncInstallation(event.installation.id, event.action);
    }
    return reply.code(202).send();
  });

  fastify.post('/hooks/gitlab', async (request: FastifyRequest<{ Body: string }>, reply) => { // expect: unverified-webhook
    request.log.info({ headers: request.headers }, 'gitlab delivery'); // expect: secret-in-log
    const token = request.headers['x-gitlab-token'];
    if (token !== process.env.GITLAB_WEBHOOK_TOKEN) { // expect: timing-unsafe-comparison
      return reply.code(401).send();
    }
    const event = JSON.parse(request.body) as GitlabPipelineEvent;
    if (event.object_kind === 'pipeline') {
      await recordPipeline(event.project.id, event.object_attributes);
    }
    return reply.code(200).send({ ok: true });
  });

}
