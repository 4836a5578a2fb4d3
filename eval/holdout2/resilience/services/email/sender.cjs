'use strict';

/**
 * Transactional email via the ESP's HTTP API, with a secondary provider for failover.
 */
const retry = require('async-retry');
const axios = require('axios');
const { v4: uuid } = require('uuid');

const primary = axios.create({
  baseURL: 'https://api.mailer-esp.example/v3',
  timeout: 10000,
  headers: { authorization: `Bearer ${process.env.ESP_API_KEY}` },
});

const secondary = axios.create({
  baseURL: 'https://api.backup-mail.example',
  timeout: 10000,
  auth: { username: 'api', password: process.env.BACKUP_MAIL_KEY },
});

function isRetryable(err) {
  const status = err.response && err.response.status;
  return !status || status === 429 || status >= 500;
}

/**
 * Sends one message. The ESP de-duplicates on the Idempotency-Key for 24h, so retrying a
 * send that actually went through does not mail the customer twice.
 */
async function send(message) {
  const key = message.idempotencyKey || uuid();
  return retry(
    async (bail) => {
      try {
        const { data } = await primary.post('/mail/send', message, { headers: { 'Idempotency-Key': key } });
        return data.id;
      } catch (err) {
        if (!isRetryable(err)) bail(err);
        throw err;
      }
    },
    { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8000, randomize: true },
  );
}

/** Failover provider has no idempotency support; we accept the small risk of duplicates. */
async function sendViaSecondary(message) {
  return retry(
    async () => {
      const { data } = await secondary.post('/messages', { // expect: missing-idempotency-key
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
      });
      return data.id;
    },
    { retries: 3, minTimeout: 2000, factor: 1 }, // expect: retry-without-backoff
  );
}

/** Marketing digest sends are best-effort and keep retrying until the ESP is back. */
async function sendDigest(batch) {
  return retry(
    async () => {
      const { data } = await primary.post('/mail/batch', batch, { headers: { 'Idempotency-Key': batch.id } });
      return data;
    },
    { forever: true, minTimeout: 1000, maxTimeout: 60000 }, // expect: unbounded-retry
  );
}

async function suppressionStatus(email) {
  return retry(() => primary.get(`/suppressions/${encodeURIComponent(email)}`).then((r) => r.data), { retries: 2 });
}

async function deliver(message) {
  try {
    return { provider: 'primary', id: await send(message) };
  } catch (err) {
    if (!isRetryable(err)) throw err;
    return { provider: 'secondary', id: await sendViaSecondary(message) };
  }
}

module.exports = { deliver, send, sendDigest, suppressionStatus };
