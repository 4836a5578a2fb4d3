import superagent from 'superagent';
import request from 'superagent';
import { logger } from '../logger';

const MAIL_API = 'https://api.mailrelay-pro.com/v1';
const apiKey = process.env.MAILRELAY_API_KEY;

export async function sendTransactional(to: string, templateId: string, vars: Record<string, string>) {
  const res = await superagent
    .post(`${MAIL_API}/messages`)
    .set('Authorization', `Bearer ${apiKey}`)
    .send({ to, templateId, vars })
    .timeout({ response: 5000, deadline: 15000 });
  return res.body.id as string;
}

export async function templateList() {
  const res = await superagent.get(`${MAIL_API}/templates`).set('Authorization', `Bearer ${apiKey}`); // expect: missing-timeout
  return res.body.items as Array<{ id: string; name: string }>;
}

export async function bounceReport(since: Date) {
  const res = await request // expect: missing-timeout
    .get(`${MAIL_API}/bounces`)
    .query({ since: since.toISOString() })
    .set('Authorization', `Bearer ${apiKey}`);
  return res.body;
}

export async function suppress(email: string) {
  await request
    .post(`${MAIL_API}/suppressions`)
    .set('Authorization', `Bearer ${apiKey}`)
    .send({ email })
    .timeout(8000)
    .retry(2);
}

export async function legacySend(to: string, html: string) {
  const res = await superagent
    .post('http://smtp-bridge.mailrelay-pro.com/send') // expect: insecure-transport
    .auth('bridge', process.env.BRIDGE_PASSWORD ?? '')
    .send({ to, html })
    .timeout(10000);
  logger.info({ to, status: res.status }, 'legacy mail sent');
}

export async function webhookSecretRotate() {
  const res = await superagent
    .post(`${MAIL_API}/webhook-secret/rotate`)
    .set('Authorization', `Bearer ${apiKey}`)
    .timeout(5000);
  logger.info({ rotatedAt: res.body.rotatedAt, secretLength: String(res.body.secret).length }, 'rotated webhook secret');
  logger.info('new webhook secret', res.body.secret); // expect: secret-in-log
  return res.body.rotatedAt;
}
