import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import type { Finding } from '../../server/src/shared/protocol.js';
import { askStreaming } from '../../client/src/chat/anthropicClient.js';
import { composeMessage, loadSystemPrompt, prepareContext, type CodeSelection } from '../../client/src/chat/context.js';
import { detectCredentials } from '../../client/src/chat/detector.js';
import { credentialSpans, redactFreeText, redactSpans, redactionMarker, spansInWindow } from '../../client/src/chat/redaction.js';
import { startFakeAnthropic, type FakeAnthropic } from './fakeAnthropic.js';

const stripeKey = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcAbCdEfGh';
const githubToken = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const dbPassword = 'hunter2-prod-Zq81';

const source = [
  "import Stripe from 'stripe';",
  "import axios from 'axios';",
  '',
  `const stripe = new Stripe('${stripeKey}');`,
  `const dbPassword = '${dbPassword}';`,
  '',
  'export async function refund(chargeId: string) {',
  "  await axios.post('https://partner.example/refunds', { chargeId });",
  `  // token for the partner: ${githubToken}`,
  '  return stripe.refunds.create({ charge: chargeId });',
  '}',
  '',
].join('\n');

/** What the engine reports for `dbPassword` (the name-based finding the text detector cannot see). */
function passwordFinding(text: string): Finding {
  const line = text.split('\n').findIndex((l) => l.includes(dbPassword));
  const character = text.split('\n')[line].indexOf(`'${dbPassword}'`);
  const start = text.indexOf(`'${dbPassword}'`);
  return { ruleId: 'hardcoded-credential', severity: 'error', message: 'dbPassword is hardcoded.', range: { start: { line, character }, end: { line, character: character + dbPassword.length + 2 } }, start, end: start + dbPassword.length + 2 };
}

/** The real engine's findings plus the name-based credential finding (merged by span). */
function engineFindings(path: string, text: string): Finding[] {
  return [...analyze(rules, path, text).findings, passwordFinding(text)];
}

function selection(overrides: Partial<CodeSelection> = {}): CodeSelection {
  return { displayPath: 'src/payments/refunds.ts', analysisPath: '/repo/src/payments/refunds.ts', languageId: 'typescript', text: source, startLine: 6, endLine: 10, ...overrides };
}

describe('redaction primitives', () => {
  it('replaces a span and keeps the quotes around it', () => {
    const text = "const a = 'secret-value-123';";
    const start = text.indexOf("'");
    assert.deepEqual(redactSpans(text, [{ start, end: text.length - 1 }]), { text: `const a = '${redactionMarker}';`, redacted: 1 });
  });

  it('merges overlapping spans into one marker and counts it once', () => {
    assert.deepEqual(redactSpans('abcdefghij', [{ start: 2, end: 6 }, { start: 4, end: 8 }]), { text: `ab${redactionMarker}ij`, redacted: 1 });
  });

  it('takes only credential findings as secrets', () => {
    const findings: Finding[] = [
      { ruleId: 'missing-timeout', severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, start: 0, end: 4 },
      { ruleId: 'hardcoded-credential', severity: 'error', message: 'm', range: { start: { line: 1, character: 10 }, end: { line: 1, character: 20 } }, start: 19, end: 29 },
    ];
    assert.deepEqual(credentialSpans(findings), [{ start: 19, end: 29 }]);
  });

  it('clips spans to a window and shifts them', () => {
    assert.deepEqual(spansInWindow([{ start: 5, end: 15 }, { start: 30, end: 40 }], { start: 10, end: 35 }), [{ start: 0, end: 5 }, { start: 20, end: 25 }]);
  });

  it('redacts known token formats in free text with the engine detector', () => {
    const result = redactFreeText(`my key is ${stripeKey} and ${githubToken}`, detectCredentials);
    assert.equal(result.redacted, 2);
    assert.ok(!result.text.includes(stripeKey) && !result.text.includes(githubToken));
    assert.equal(result.text, `my key is ${redactionMarker} and ${redactionMarker}`);
  });

  it('leaves text without secrets alone', () => {
    assert.deepEqual(redactFreeText('Why does axios.post need a timeout?', detectCredentials), { text: 'Why does axios.post need a timeout?', redacted: 0 });
  });
});

describe('prepareContext', () => {
  it('sends the selection with surrounding lines, file name, language and line numbers', () => {
    const context = prepareContext(selection({ startLine: 7, endLine: 7 }), [], detectCredentials);
    assert.equal(context.label, 'refunds.ts:8-8');
    assert.match(context.content, /^File: src\/payments\/refunds\.ts \(typescript\), lines 5-11; the selection is lines 8-8\./);
    assert.match(context.content, /```typescript\n/);
    assert.ok(context.content.includes("await axios.post('https://partner.example/refunds', { chargeId });"));
    assert.ok(!context.content.includes("import Stripe"), 'lines far from the selection stay out');
  });

  it('redacts engine findings and detector hits inside the excerpt, and counts them', () => {
    const text = source;
    const context = prepareContext(selection({ startLine: 3, endLine: 9 }), engineFindings('/repo/src/payments/refunds.ts', text), detectCredentials);
    for (const secret of [stripeKey, githubToken, dbPassword]) assert.ok(!context.content.includes(secret), `${secret} leaked`);
    assert.equal(context.redacted, 3);
    assert.ok(context.content.includes(`new Stripe('${redactionMarker}')`));
    assert.ok(context.content.includes(`const dbPassword = '${redactionMarker}';`));
  });

  it('redacts the visible part of a secret the window cuts through', () => {
    const pem = ['const key = `-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', '-----END RSA PRIVATE KEY-----`;', 'send(key);'].join('\n');
    const context = prepareContext({ ...selection(), text: pem, startLine: 4, endLine: 4 }, [], detectCredentials);
    assert.ok(!context.content.includes('MIIEowIBAAKCAQEAu1SU1'), context.content);
  });

  it('lists the findings on those lines and says so when there are none', () => {
    const findings: Finding[] = [{ ruleId: 'missing-timeout', severity: 'warning', message: 'axios.post has no timeout.', range: { start: { line: 7, character: 8 }, end: { line: 7, character: 18 } }, start: 0, end: 0 }];
    assert.match(prepareContext(selection(), findings, detectCredentials).content, /- line 8, missing-timeout \(warning\): axios\.post has no timeout\./);
    assert.match(prepareContext(selection(), [], detectCredentials).content, /no findings in these lines/);
  });

  it('says when the file could not be analysed, so no finding does not read as clean', () => {
    const reason = 'the parser did not finish within 2015 ms';
    const none = prepareContext(selection(), [], detectCredentials, reason).content;
    assert.match(none, /could not analyse this file \(the parser did not finish within 2015 ms\); only its text-level checks ran/);
    assert.doesNotMatch(none, /reports no findings/);
    const findings: Finding[] = [{ ruleId: 'hardcoded-credential', severity: 'error', message: 'A Stripe key is hardcoded.', range: { start: { line: 7, character: 8 }, end: { line: 7, character: 18 } }, start: 0, end: 0 }];
    const some = prepareContext(selection(), findings, detectCredentials, reason).content;
    assert.match(some, /could not analyse this file[^\n]*\nThe analyzer's findings in these lines:\n- line 8, hardcoded-credential/);
  });

  it('fences code that itself contains backtick fences', () => {
    const text = 'const md = `\n```js\nx\n```\n`;';
    const context = prepareContext({ ...selection(), text, startLine: 0, endLine: 4 }, [], detectCredentials);
    assert.match(context.content, /````typescript\n/);
  });

  it('composes the question and context and runs a last pass over the typed question', () => {
    const context = prepareContext(selection(), [], detectCredentials);
    const message = composeMessage(`Is ${stripeKey} safe to keep here?`, context, detectCredentials);
    assert.ok(!message.content.includes(stripeKey));
    assert.equal(message.redacted, context.redacted + 1);
    assert.ok(message.content.startsWith(`Is ${redactionMarker} safe`));
  });
});

describe('line endings', () => {
  // Old-Mac files end lines with a lone CR: the engine and the editor count it as a line break.
  const legacyPassword = 'Zq81-hunter2-prod-Kx7';
  const legacy = ["import axios from 'axios';", '', `const dbPassword = '${legacyPassword}';`, "export const ok = 1;", ''].join('\r');

  it('redacts a credential the engine finds in a file whose lines end in a lone CR', () => {
    const findings = analyze(rules, '/repo/src/legacy.ts', legacy).findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['hardcoded-credential', 2]]);
    const context = prepareContext({ ...selection(), text: legacy, startLine: 2, endLine: 2 }, findings, detectCredentials);
    assert.ok(!context.content.includes(legacyPassword), context.content);
    assert.ok(context.content.includes(`const dbPassword = '${redactionMarker}';`), context.content);
    assert.equal(context.redacted, 1);
  });

  it('takes a credential span from the finding offsets, whatever the line breaks', () => {
    const findings = analyze(rules, '/repo/src/legacy.ts', legacy).findings;
    const start = legacy.indexOf(`'${legacyPassword}'`);
    assert.deepEqual(credentialSpans(findings), [{ start, end: start + legacyPassword.length + 2 }]);
  });
});

describe('the request that reaches the API', () => {
  let fake: FakeAnthropic;
  before(async () => {
    fake = await startFakeAnthropic([{ kind: 'stream', chunks: ['Findings first.'] }]);
  });
  after(() => fake.close());

  it('carries the system prompt and the selection, and never a detected secret', async () => {
    const system = await loadSystemPrompt(process.cwd());
    const context = prepareContext(selection({ startLine: 3, endLine: 9 }), engineFindings('/repo/src/payments/refunds.ts', source), detectCredentials);
    const message = composeMessage(`Review this; the key ${githubToken} is ours.`, context, detectCredentials);
    const outcome = await askStreaming({
      apiKey: 'sk-ant-test-key-0000',
      settings: { model: 'claude-fake-large', baseUrl: fake.baseUrl, maxTokens: 256, requestTimeoutMs: 2000 },
      system,
      messages: [{ role: 'user', content: message.content }],
      onText: () => undefined,
    });
    assert.equal(outcome.status, 'complete');
    const request = fake.requests[0];
    assert.match(request.body.system, /senior integration engineer/);
    assert.match(request.body.system, /Findings first/);
    assert.ok(request.body.messages[0].content.includes('export async function refund(chargeId: string) {'));
    assert.ok(request.body.messages[0].content.includes('src/payments/refunds.ts (typescript)'));
    for (const secret of [stripeKey, githubToken, dbPassword]) assert.ok(!request.rawBody.includes(secret), `${secret} was sent`);
    assert.ok(request.rawBody.includes(redactionMarker));
  });
});
