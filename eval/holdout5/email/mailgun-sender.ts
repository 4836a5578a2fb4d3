import formData from 'form-data';
import Mailgun from 'mailgun.js';
import { logger } from '../lib/logger';

const MAILGUN_API_KEY = '3f9a7c1e5b2d8f4a6c0e9b7d5f3a1c8e-2b4d6f8a-1c3e5a7b'; // expect: hardcoded-credential
const MAILGUN_DOMAIN = 'mg.example.com';

const mailgun = new Mailgun(formData);
const mg = mailgun.client({
  username: 'api',
  key: process.env.MAILGUN_API_KEY ?? MAILGUN_API_KEY,
  url: 'https://api.eu.mailgun.net',
  timeout: 10_000,
});

export async function sendPasswordReset(to: string, resetUrl: string): Promise<void> {
  const result = await mg.messages.create(MAILGUN_DOMAIN, {
    from: 'Acme <no-reply@mg.example.com>',
    to: [to],
    subject: 'Reset your password',
    template: 'password-reset',
    'h:X-Mailgun-Variables': JSON.stringify({ resetUrl }),
  });
  logger.info({ id: result.id, to }, 'password reset mail queued');
}

export const labels = {
  passwordLabel: 'Choose a new password',
  tokenHint: 'The link expires in 30 minutes',
  secretQuestion: 'What was the name of your first pet?',
};
