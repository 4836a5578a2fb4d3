import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { it } from 'node:test';
import { rules } from '../../server/src/rules/index.js';

const ruleFiles = readdirSync('server/src/rules').filter((name) => name.endsWith('.ts') && name !== 'index.ts');

it('every rule module is registered, named after its id, tested and documented', async () => {
  assert.ok(ruleFiles.length > 0, 'no rule modules found');
  for (const name of ruleFiles) {
    const module = await import(`../../server/src/rules/${name}`);
    const id = basename(name, '.ts');
    assert.ok(module.rule, `${name} exports no \`rule\``);
    assert.equal(module.rule.meta.id, id, `${name}: id does not match the file name`);
    assert.ok(rules.includes(module.rule), `${id} is not in rules/index.ts`);
    assert.ok(existsSync(`test/rules/${id}.test.ts`), `${id} has no test/rules/${id}.test.ts`);
    assert.ok(existsSync(`docs/rules/${id}.md`), `${id} has no docs/rules/${id}.md`);
    assert.ok(module.rule.meta.description.length > 10, `${id} has no description`);
  }
  assert.equal(rules.length, ruleFiles.length, 'the registry lists a rule with no module of its own');
  assert.equal(new Set(rules.map((r) => r.meta.id)).size, rules.length, 'duplicate rule ids');
});
