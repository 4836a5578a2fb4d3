import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';

const offlineStripe = new Stripe('sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', { apiVersion: '2025-01-27.acacia', host: 'localhost', port: 12111, protocol: 'http' });

const fixtureWebhookSecret = 'whsec_3Jk9Lm2Pq7Rs4Tv8Wx1Yz6Ab5Cd0Ef3Gh'; // expect: hardcoded-credential

test('refunds use an idempotency key', async () => {
  const create = mock.method(offlineStripe.refunds, 'create', async () => ({ id: 're_1', status: 'succeeded' }));
  await offlineStripe.refunds.create({ charge: 'ch_1', amount: 500 }, { idempotencyKey: 'refund-test-1' });
  assert.equal(create.mock.callCount(), 1);
});

test('webhook payload signature', () => {
  const payload = JSON.stringify({ id: 'evt_1', type: 'charge.refunded' });
  const header = offlineStripe.webhooks.generateTestHeaderString({ payload, secret: fixtureWebhookSecret });
  const event = offlineStripe.webhooks.constructEvent(payload, header, fixtureWebhookSecret);
  assert.equal(event.type, 'charge.refunded');
});
