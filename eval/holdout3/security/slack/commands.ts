import { createHmac } from 'crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runCommand } from './commandRunner';

const FIVE_MINUTES = 60 * 5;

type SlashCommandBody = { command: string; text: string; user_id: string; response_url: string };

function expectedSignature(timestamp: string, rawBody: string): string {
  const base = `v0:${timestamp}:${rawBody}`;
  return 'v0=' + createHmac('sha256', process.env.SLACK_SIGNING_SECRET as string).update(base).digest('hex');
}

export default async function slackRoutes(app: FastifyInstance) {
  app.post('/slack/commands', { config: { rawBody: true } }, async (request: FastifyRequest<{ Body: SlashCommandBody }>, reply) => {
    const timestamp = request.headers['x-slack-request-timestamp'] as string;
    const signature = request.headers['x-slack-signature'] as string;

    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > FIVE_MINUTES) {
      return reply.code(400).send({ error: 'stale request' });
    }
    if (expectedSignature(timestamp, request.rawBody as string) !== signature) { // expect: timing-unsafe-comparison
      request.log.warn({ userId: request.body.user_id }, 'slack signature mismatch');
      return reply.code(401).send();
    }

    const result = await runCommand(request.body.command, request.body.text, request.body.user_id);
    return reply.send({ response_type: 'ephemeral', text: result });
  });
}
