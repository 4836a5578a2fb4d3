'use strict';

// API Gateway -> Lambda. Support agents trigger refunds and goodwill credits from the
// helpdesk sidebar; the helpdesk sends an X-Request-Id that is stable across its own retries.

const Stripe = require('stripe');
const axios = require('axios');
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');

const secrets = new SecretsManagerClient({});
let stripe;

async function client() {
  if (stripe) return stripe;
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.STRIPE_SECRET_ARN }));
  stripe = new Stripe(JSON.parse(out.SecretString).apiKey, { timeout: 15000 });
  return stripe;
}

const helpdesk = axios.create({
  baseURL: 'https://acme.helpdesk-cloud.com/api/v2',
  timeout: 5000,
  headers: { 'content-type': 'application/json' },
});

helpdesk.interceptors.request.use((config) => {
  config.headers.Authorization = `Bearer ${process.env.HELPDESK_API_TOKEN}`;
  return config;
});

async function noteOnTicket(ticketId, body) {
  await helpdesk.post(`/tickets/${ticketId}/notes`, { body, internal: true });
}

function respond(statusCode, payload) {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
}

exports.handler = async (event) => {
  const requestId = event.headers['x-request-id'];
  const input = JSON.parse(event.body || '{}');
  const api = await client();

  switch (input.action) {
    case 'refund': {
      const refund = await api.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amountCents },
        { idempotencyKey: requestId },
      );
      await noteOnTicket(input.ticketId, `Refund ${refund.id} issued (${refund.status}).`);
      return respond(200, { refundId: refund.id });
    }

    case 'goodwill': {
      // Small courtesy charge reversal done as a one-off charge on a saved card (legacy flow).
      const charge = await api.charges.create({ // expect: missing-idempotency-key
        amount: input.amountCents,
        currency: input.currency || 'usd',
        customer: input.customerId,
        description: `Goodwill adjustment for ticket ${input.ticketId}`,
      });
      await noteOnTicket(input.ticketId, `Adjustment charge ${charge.id}.`);
      return respond(200, { chargeId: charge.id });
    }

    case 'partial-refund': {
      const refund = await api.refunds.create({ // expect: missing-idempotency-key
        charge: input.chargeId,
        amount: input.amountCents,
        metadata: { ticket: String(input.ticketId), requestId },
      });
      return respond(200, { refundId: refund.id });
    }

    case 'lookup': {
      const intent = await api.paymentIntents.retrieve(input.paymentIntentId);
      const refunds = await api.refunds.list({ payment_intent: intent.id, limit: 10 });
      return respond(200, { status: intent.status, refunds: refunds.data.map((r) => r.id) });
    }

    case 'cancel': {
      const intent = await api.paymentIntents.cancel(input.paymentIntentId, {
        cancellation_reason: 'requested_by_customer',
      });
      return respond(200, { status: intent.status });
    }

    default:
      return respond(400, { error: `unknown action ${input.action}` });
  }
};
