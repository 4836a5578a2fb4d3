// The clean scan of the snippets means something only if the engine sees what they do:
// removing a snippet's safeguard must make the rule that guards it fire.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import { SNIPPET_CONTEXT } from './snippet-context.js';
import { bodyText, LANGUAGE_EXTENSIONS, snippetFiles, type SafeguardRemoval } from './snippet-files.js';
import { expandSnippet } from './snippet-syntax.js';

// Each edit finds the same text in the TypeScript and the JavaScript snippet.
const REMOVALS: SafeguardRemoval[] = [
  { prefix: 'ie-fetch-retry', what: 'the attempt bound', edits: [['attempt < maxAttempts', '']], ruleId: 'unbounded-retry' },
  { prefix: 'ie-axios-retry', what: 'the instance timeout', edits: [['timeout: 10_000,', '']], ruleId: 'missing-timeout' },
  { prefix: 'ie-idempotent-payment', what: 'the idempotency key', edits: [['{ idempotencyKey: `order-payment-${orderId}` },', '']], ruleId: 'missing-idempotency-key' },
  { prefix: 'ie-idempotent-post', what: 'the Idempotency-Key header', edits: [[", 'Idempotency-Key': idempotencyKey", '']], ruleId: 'missing-idempotency-key' },
  { prefix: 'ie-idempotent-post', what: 'the timeout', edits: [['signal: AbortSignal.timeout(10_000),', '']], ruleId: 'missing-timeout' },
  { prefix: 'ie-idempotent-post', what: 'the growing wait', edits: [['Math.random() * Math.min(10_000, 200 * 2 ** attempt)', '1000']], ruleId: 'retry-without-backoff' },
  { prefix: 'ie-webhook-stripe', what: 'constructEvent', edits: [["stripe.webhooks.constructEvent(req.body, req.get('stripe-signature') ?? '', stripeWebhookSecret)", 'JSON.parse(req.body)']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-github', what: 'the signature check', edits: [["!verifyGitHubSignature(req.body, req.get('x-hub-signature-256'), githubWebhookSecret)", 'false']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-github', what: 'timingSafeEqual', edits: [['received.length === expected.length && timingSafeEqual(received, expected)', 'header === expected.toString()']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-webhook-slack', what: 'the signature check', edits: [["verifySlackSignature(req.body, req.get('x-slack-request-timestamp'), req.get('x-slack-signature'), slackSigningSecret)", 'true']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-slack', what: 'timingSafeEqual', edits: [['received.length === expected.length && timingSafeEqual(received, expected)', 'signature === `v0=${digest}`']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-webhook-svix', what: 'the svix verification', edits: [['webhookVerifier.verify(req.body, {', 'JSON.parse(req.body); void ({']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-hmac', what: 'the signature check', edits: [["!verifyWebhookSignature(req.body, req.get('x-webhook-timestamp'), req.get('x-webhook-signature'), partnerWebhookSecret)", 'false']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-queue-consumer', what: 'the delivery count', edits: [
    ["const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;", ''],
    ['`orders: delivery ${deliveries} of a message failed`', "'orders: a message failed'"],
    ['channel.nack(msg, false, deliveries < 5);', 'channel.nack(msg);'],
  ], ruleId: 'poison-message-requeue' },
  { prefix: 'ie-queue-consumer', what: 'the dead-letter path', edits: [['channel.nack(msg, false, deliveries < 5);', 'channel.ack(msg);']], ruleId: 'swallowed-message-error' },
  // Its status check is not listed: the body goes into a checked safeParse, which contract 1.4 counts as a check.
  { prefix: 'ie-zod-response', what: 'the timeout', edits: [['signal: AbortSignal.timeout(10_000),', '']], ruleId: 'missing-timeout' },
];

describe('removing a snippet safeguard is reported', () => {
  // The Python snippets have their own table, in snippets-python.test.ts.
  for (const file of snippetFiles().filter((candidate) => candidate.languages.some((language) => language in LANGUAGE_EXTENSIONS))) {
    const flavour = file.languages.includes('typescript') ? 'ts' : 'js';
    for (const removal of REMOVALS) {
      it(`${removal.prefix} (${flavour}) without ${removal.what}: ${removal.ruleId}`, () => {
        const snippet = (file.snippets ?? []).find((candidate) => candidate.prefix === removal.prefix);
        assert.ok(snippet, `${removal.prefix} is missing from ${file.path}`);
        let text = `${SNIPPET_CONTEXT[removal.prefix][flavour].join('\n')}\n\n${expandSnippet(bodyText(snippet.body))}\n`;
        for (const [find, replace] of removal.edits) {
          assert.ok(text.includes(find), `the snippet no longer contains ${JSON.stringify(find)}`);
          text = text.replace(find, replace);
        }
        const findings = analyze(rules, `src/snippets/${removal.prefix}.${flavour}`, text).findings;
        assert.ok(findings.some((finding) => finding.ruleId === removal.ruleId), `expected ${removal.ruleId}, got ${findings.map((finding) => finding.ruleId).join(', ') || 'nothing'}`);
      });
    }
  }
});
