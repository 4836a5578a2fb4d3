import Fastify from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { enqueueBuild, triggerDeploy } from '../services/ci';

const fastify = Fastify({ logger: true });
const githubSecret = process.env.GITHUB_WEBHOOK_SECRET ?? '';

function signatureMatches(rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', githubSecret).update(rawBody).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

fastify.post('/hooks/github', { config: { rawBody: true } }, async (request, reply) => {
  const header = request.headers['x-hub-signature-256'] as string | undefined;
  if (!signatureMatches(request.rawBody as Buffer, header)) {
    return reply.code(401).send({ error: 'bad signature' });
  }
  request.log.info({ delivery: request.headers['x-github-delivery'] }, 'github delivery accepted');
  await enqueueBuild(request.body as { ref: string; repository: { full_name: string } });
  return reply.code(202).send();
});

fastify.post('/hooks/deploy', async (request, reply) => { // expect: unverified-webhook
  const { service, sha } = request.body as { service: string; sha: string };
  await triggerDeploy(service, sha);
  return reply.code(202).send();
});

export default fastify;
