import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../engine/analyze.js';
import { rules } from '../index.js';

// The providers known by their signature header alone (no SDK verifier is modelled): reading the
// header marks a route as a webhook receiver, so acting on the body unverified is reported.
const SIGNATURE_HEADERS = [
  'paddle-signature', 'x-square-hmacsha256-signature', 'x-square-signature', 'typeform-signature', 'x-zm-signature',
  'x-hook-signature', 'x-telegram-bot-api-secret-token', 'x-line-signature', 'x-paystack-signature',
  'x-cc-webhook-signature', 'linear-signature', 'x-intercom-signature', 'x-mailgun-signature', 'x-hubspot-signature',
  'x-hubspot-signature-v3', 'x-wc-webhook-signature', 'x-goog-channel-token', 'x-plaid-verification', 'clerk-signature',
];

const route = (readsHeader: string | undefined) => `import express from 'express';
const app = express();
app.post('/events', express.json(), async (req, res) => {
${readsHeader ? `  const signature = req.get('${readsHeader}');\n` : ''}  await applyEvent(req.body);
  res.sendStatus(200);
});
`;

const findingLines = (code: string) =>
  analyze(rules, 'events.ts', code, { severities: {}, options: {}, only: ['unverified-webhook'] }).findings.map((finding) => finding.range.start.line + 1);

describe('unverified-webhook: providers known by their signature header', () => {
  it('a route that acts on the body without reading any signature header is not taken for a webhook', () => {
    assert.deepEqual(findingLines(route(undefined)), []);
  });
  for (const header of SIGNATURE_HEADERS) {
    it(`a route reading ${header} and acting unverified is reported on its line`, () => {
      assert.deepEqual(findingLines(route(header)), [3]);
    });
  }
});
