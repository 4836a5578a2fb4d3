import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { rules } from './index.js';
import { ruleMetas } from './registry.js';

const RULES_DIR = 'server/src/rules';
const ruleFolders = readdirSync(RULES_DIR).filter((name) => statSync(join(RULES_DIR, name)).isDirectory());

it('every rule folder holds its rule, its metadata, its tests and its docs page, and is registered', async () => {
  assert.ok(ruleFolders.length > 0, 'no rule folders found');
  for (const id of ruleFolders) {
    const module = await import(`./${id}/rule.ts`);
    assert.ok(module.rule, `${id}/rule.ts exports no \`rule\``);
    assert.equal(module.rule.meta.id, id, `${id}/rule.ts: id does not match the folder name`);
    const { meta } = await import(`./${id}/meta.ts`);
    assert.equal(module.rule.meta, meta, `${id}/rule.ts does not take its meta from ${id}/meta.ts`);
    assert.ok(ruleMetas.includes(meta), `${id} is not in rules/registry.ts`);
    assert.ok(rules.includes(module.rule), `${id} is not loaded by rules/index.ts`);
    assert.ok(existsSync(join(RULES_DIR, id, `${id}.test.ts`)), `${id} has no ${id}/${id}.test.ts`);
    assert.ok(existsSync(join(RULES_DIR, id, `${id}.md`)), `${id} has no ${id}/${id}.md`);
    assert.ok(module.rule.meta.description.length > 10, `${id} has no description`);
    assert.ok(['security', 'resilience', 'messaging'].includes(module.rule.meta.category), `${id} has no category`);
  }
  assert.equal(rules.length, ruleFolders.length, 'the registry lists a rule with no folder of its own');
  assert.equal(new Set(rules.map((r) => r.meta.id)).size, rules.length, 'duplicate rule ids');
});

it("the README's rules table lists exactly the registry, in its order, with each rule's default severity", () => {
  const readme = readFileSync('README.md', 'utf8');
  const rows = [...readme.matchAll(/^\| \[([a-z-]+)\]\(server\/src\/rules\/([a-z-]+)\/([a-z-]+)\.md\) \| (\w+) \|/gm)];
  assert.deepEqual(rows.map((row) => row[1]), rules.map((rule) => rule.meta.id));
  for (const [, id, folder, page, severity] of rows) {
    assert.equal(folder, id, `README links ${id} to another folder`);
    assert.equal(page, id, `README links ${id} to another page`);
    assert.equal(severity, rules.find((rule) => rule.meta.id === id)!.meta.defaultSeverity, `README severity of ${id}`);
  }
});

it("the README's rules table says which rules check Python", () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const rule of rules) {
    const row = readme.split('\n').find((line) => line.startsWith(`| [${rule.meta.id}]`));
    const languages = row?.split('|')[3] ?? '';
    assert.equal(/\bPython\b/.test(languages), rule.python !== undefined, `README languages of ${rule.meta.id}: ${languages.trim()}`);
  }
});

it("scripts/eval.mjs takes its rule ids from the registry", () => {
  const script = readFileSync('scripts/eval.mjs', 'utf8');
  assert.match(script, /rules\/index\.ts/, 'eval.mjs does not read the registry');
  assert.doesNotMatch(script, /'missing-timeout',\s*\n\s*'hardcoded-credential'/, 'eval.mjs keeps its own list of rule ids');
});

it("a finding's message starts with the problem in a few words, then a colon: the Problems panel shows that much", () => {
  const long: string[] = [];
  for (const rule of rules) {
    for (const [id, message] of Object.entries(rule.meta.messages)) {
      // A finding's message is sentences (a suggestion's title is a phrase with no full stop).
      if (!/(\.|\}\})$/.test(message)) continue;
      // Code in backticks is one word, and its own colons (`noAck: true`) end no clause.
      const problem = message.replace(/`[^`]*`/g, 'code').split(': ')[0];
      const words = problem.split(/\s+/).length;
      if (problem === message.replace(/`[^`]*`/g, 'code') || words > 9) long.push(`${rule.meta.id}/${id} (${words} words): ${problem}`);
    }
  }
  assert.deepEqual(long, []);
});
