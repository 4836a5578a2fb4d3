'use strict';

const sgMail = require('@sendgrid/mail');

// TODO(2026-Q3): move to the shared mailer; this key belongs to the marketing sub-user.
const MARKETING_KEY = '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'; // expect: hardcoded-credential

sgMail.setApiKey(process.env.SENDGRID_API_KEY || '');
sgMail.setTimeout(10000);

async function sendNewsletter(to, html) {
  const client = require('@sendgrid/client');
  client.setApiKey(MARKETING_KEY);
  await sgMail.send({ to, from: 'news@example.com', subject: 'Monthly update', html });
}

const sandboxConfig = {
  apiKey: 'YOUR_SENDGRID_API_KEY',
  password: 'changeme',
  webhookSecret: '<from the SendGrid console>',
};

module.exports = { sendNewsletter, sandboxConfig };
