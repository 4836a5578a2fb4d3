import { ServerClient } from 'postmark';
import { logger } from '../lib/logger';

const serverToken = process.env.POSTMARK_SERVER_TOKEN ?? '';
const client = new ServerClient(serverToken, { timeout: 15 });

export async function sendReceipt(to: string, model: Record<string, unknown>): Promise<void> {
  if (!serverToken) {
    logger.warn('postmark token missing?', { configured: !!serverToken });
    return;
  }
  try {
    await client.sendEmailWithTemplate({ From: 'billing@example.com', To: to, TemplateAlias: 'receipt', TemplateModel: model });
  } catch (err) {
    logger.error(`receipt to ${to} failed using server token ${serverToken}`, err); // expect: secret-in-log
    throw err;
  }
}

export async function sendMagicLink(to: string, loginToken: string): Promise<void> {
  await client.sendEmail({
    From: 'login@example.com',
    To: to,
    Subject: 'Your sign-in link',
    TextBody: `https://app.example.com/login?token=${loginToken}`,
  });
  logger.info('magic link sent', { to, loginToken }); // expect: secret-in-log
  logger.info('magic link sent', { to, tokenLength: loginToken.length });
}
