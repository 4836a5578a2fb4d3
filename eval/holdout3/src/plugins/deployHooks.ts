import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { verifyWebhookSignature } from '../lib/signatures';
import { triggerDeploy, recordBuildResult } from '../services/deployments';

interface DeployPayload {
  project: string;
  ref: string;
  commit: string;
}

const deployHooks: FastifyPluginAsync = async (fastify) => {
  fastify.post<{ Body: DeployPayload }>('/deploy', async (request, reply) => {
    const signature = request.headers['webhook-signature'];
    if (typeof signature !== 'string' || !verifyWebhookSignature(request.rawBody ?? '', signature)) {
      return reply.code(401).send({ error: 'invalid signature' });
    }
    const id = await triggerDeploy(request.body.project, request.body.ref, request.body.commit);
    return reply.code(202).send({ deploymentId: id });
  });

  fastify.post<{ Body: { deploymentId: string; status: string } }>('/build-result', async (request, reply) => { // expect: unverified-webhook
    request.log.info({ deploymentId: request.body.deploymentId }, 'build result received');
    await recordBuildResult(request.body.deploymentId, request.body.status);
    return reply.send({ ok: true });
  });
};

export default fp(deployHooks, { name: 'deploy-hooks' });
