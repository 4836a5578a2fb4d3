// The Python snippets, checked as the TypeScript ones are: each expanded with its defaults
// and given the imports it needs compiles (`python3 -m py_compile`) and scans clean with our
// engine, and removing its safeguard makes the rule that guards it fire.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { initPython } from '../../server/src/engine/python/tree.js';
import { rules } from '../../server/src/rules/index.js';
import { PYTHON_SNIPPET_CONTEXT } from './snippet-context.js';
import { bodyText, snippetFiles, type SafeguardRemoval } from './snippet-files.js';
import { expandSnippet } from './snippet-syntax.js';

const REMOVALS: SafeguardRemoval[] = [
  { prefix: 'ie-requests-retry', what: 'the timeout', edits: [['response = requests.get(url, timeout=10)', 'response = requests.get(url)']], ruleId: 'missing-timeout' },
  { prefix: 'ie-requests-retry', what: 'the attempt bound', edits: [['for attempt in range(1, max_attempts):', 'for attempt in itertools.count(1):'], ['import random', 'import itertools\nimport random']], ruleId: 'unbounded-retry' },
  { prefix: 'ie-requests-retry', what: 'the growing wait', edits: [['random.uniform(0, min(30.0, 0.5 * 2**attempt))', '1.0']], ruleId: 'retry-without-backoff' },
  { prefix: 'ie-idempotent-post', what: 'the Idempotency-Key header', edits: [['json=payload, headers=headers, timeout=10)', 'json=payload, timeout=10)']], ruleId: 'missing-idempotency-key' },
  { prefix: 'ie-idempotent-post', what: 'the timeout', edits: [['json=payload, headers=headers, timeout=10)', 'json=payload, headers=headers)']], ruleId: 'missing-timeout' },
  { prefix: 'ie-idempotent-post', what: 'the growing wait', edits: [['random.uniform(0, min(30.0, 0.2 * 2**attempt))', '1.0']], ruleId: 'retry-without-backoff' },
  { prefix: 'ie-webhook-stripe-fastapi', what: 'construct_event', edits: [['stripe.Webhook.construct_event(payload, stripe_signature, STRIPE_WEBHOOK_SECRET)', 'json.loads(payload)']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-stripe-flask', what: 'construct_event', edits: [['stripe.Webhook.construct_event(payload, request.headers.get("Stripe-Signature", ""), STRIPE_WEBHOOK_SECRET)', 'json.loads(payload)']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-github-fastapi', what: 'the signature check', edits: [['not verify_github_signature(payload, x_hub_signature_256)', 'False']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-github-fastapi', what: 'compare_digest', edits: [['hmac.compare_digest(expected_signature.encode(), received_signature.encode())', 'expected_signature == received_signature']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-webhook-github-flask', what: 'the signature check', edits: [['not verify_github_signature(payload, request.headers.get("X-Hub-Signature-256"))', 'False']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-github-flask', what: 'compare_digest', edits: [['hmac.compare_digest(expected_signature.encode(), received_signature.encode())', 'expected_signature == received_signature']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-webhook-slack-fastapi', what: 'the signature check', edits: [['not verify_slack_signature(payload, x_slack_request_timestamp, x_slack_signature)', 'False']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-slack-fastapi', what: 'compare_digest', edits: [['hmac.compare_digest(expected_signature.encode(), received_signature.encode())', 'expected_signature == received_signature']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-webhook-slack-flask', what: 'the signature check', edits: [['not verify_slack_signature(payload, request.headers.get("X-Slack-Request-Timestamp"), request.headers.get("X-Slack-Signature"))', 'False']], ruleId: 'unverified-webhook' },
  { prefix: 'ie-webhook-slack-flask', what: 'compare_digest', edits: [['hmac.compare_digest(expected_signature.encode(), received_signature.encode())', 'expected_signature == received_signature']], ruleId: 'timing-unsafe-comparison' },
  { prefix: 'ie-queue-consumer', what: 'requeue=False', edits: [['requeue=False)', 'requeue=True)']], ruleId: 'poison-message-requeue' },
  { prefix: 'ie-queue-consumer', what: 'the dead-letter path', edits: [['ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)', 'pass'], ['\t\telse:\n\t\t\tch.basic_ack', '\t\tch.basic_ack']], ruleId: 'swallowed-message-error' },
  { prefix: 'ie-queue-consumer', what: 'the manual ack', edits: [['on_message_callback=on_message)', 'on_message_callback=on_message, auto_ack=True)']], ruleId: 'ack-before-processing' },
];

/** Guards nothing a rule can see: the breaker's safeguard is its state machine. */
const WITHOUT_RULE = new Set(['ie-circuit-breaker']);

const pythonFile = snippetFiles().find((file) => file.languages.includes('python'));
const snippets = (pythonFile?.snippets ?? []).map((snippet) => {
  const prefix = String(snippet.prefix);
  const context = PYTHON_SNIPPET_CONTEXT[prefix] ?? [];
  return { prefix, contextLines: context.length + 1, text: `${context.join('\n')}\n\n${expandSnippet(bodyText(snippet.body))}\n` };
});

function python3Version(): string | undefined {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? `${probe.stdout}${probe.stderr}`.trim() : undefined;
}

describe('Python snippets compile and scan clean', () => {
  const python = python3Version();
  let workDir = '';

  before(async () => {
    await initPython();
    workDir = mkdtempSync(join(tmpdir(), 'ie-py-snippets-'));
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('are contributed for python', () => {
    assert.ok(pythonFile, 'package.json contributes no snippet file for python');
    assert.ok(snippets.length > 0);
  });

  for (const snippet of snippets) {
    it(`${snippet.prefix} compiles with python3 -m py_compile`, { skip: python ? false : 'python3 is not on PATH' }, () => {
      const file = join(workDir, `${snippet.prefix.replaceAll('-', '_')}.py`);
      writeFileSync(file, snippet.text);
      const result = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${python} rejects ${snippet.prefix}:\n${result.stderr}`);
    });

    it(`${snippet.prefix} scans clean`, () => {
      const result = analyze(rules, `src/snippets/${snippet.prefix.replaceAll('-', '_')}.py`, snippet.text);
      assert.equal(result.skipped, undefined, `the file was not analysed: ${result.skipped}`);
      assert.deepEqual(result.failures.map((failure) => failure.ruleId), [], 'a rule threw on the snippet');
      const findings = result.findings.map((finding) => `snippet line ${finding.range.start.line + 1 - snippet.contextLines} [${finding.ruleId}] ${finding.message}`);
      assert.deepEqual(findings, [], `${snippet.prefix} has findings:\n${findings.join('\n')}`);
    });

    it(`${snippet.prefix} has a safeguard a rule checks`, () => {
      assert.ok(WITHOUT_RULE.has(snippet.prefix) || REMOVALS.some((removal) => removal.prefix === snippet.prefix), `add ${snippet.prefix} to REMOVALS`);
    });
  }
});

describe('removing a Python snippet safeguard is reported', () => {
  before(() => initPython());

  for (const removal of REMOVALS) {
    it(`${removal.prefix} without ${removal.what}: ${removal.ruleId}`, () => {
      const snippet = snippets.find((candidate) => candidate.prefix === removal.prefix);
      assert.ok(snippet, `${removal.prefix} is missing from the Python snippets`);
      let text = snippet.text;
      for (const [find, replace] of removal.edits) {
        assert.ok(text.includes(find), `the snippet no longer contains ${JSON.stringify(find)}`);
        text = text.replace(find, replace);
      }
      const findings = analyze(rules, `src/snippets/${removal.prefix.replaceAll('-', '_')}.py`, text).findings;
      assert.ok(findings.some((finding) => finding.ruleId === removal.ruleId), `expected ${removal.ruleId}, got ${findings.map((finding) => finding.ruleId).join(', ') || 'nothing'}`);
    });
  }
});
