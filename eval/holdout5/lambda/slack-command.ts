import { createHmac } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';

function isFresh(timestamp: string): boolean {
  return Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const timestamp = event.headers['X-Slack-Request-Timestamp'] ?? '';
  const received = event.headers['X-Slack-Signature'] ?? '';
  if (!isFresh(timestamp)) return { statusCode: 400, body: 'stale' };

  const base = `v0:${timestamp}:${event.body ?? ''}`;
  const computed = `v0=${createHmac('sha256', signingSecret).update(base).digest('hex')}`;
  if (computed !== received) { // expect: timing-unsafe-comparison
    return { statusCode: 401, body: 'bad signature' };
  }
  if (received.length === 0 || received === undefined) {
    return { statusCode: 400, body: 'missing signature' };
  }

  const params = new URLSearchParams(event.body ?? '');
  return { statusCode: 200, body: JSON.stringify({ response_type: 'ephemeral', text: `Running ${params.get('command')}` }) };
}
