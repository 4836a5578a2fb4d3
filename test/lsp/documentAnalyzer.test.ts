import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer.js';
import { defaultSettings } from '../../server/src/engine/analyze.js';
import { ROOT } from '../helpers/processes.js';

const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const settings = { ...defaultSettings, timeBudgetMs: 1_500 };

describe("the document analyzer (the built workers' bundle as its worker)", () => {
  it("analyses only a document's newest text: versions still waiting are dropped, never analysed", async () => {
    const analyzer = new DocumentAnalyzer({ script: resolve(ROOT, 'dist/worker.js'), stopped: () => assert.fail('nothing is stopped'), log: () => {} });
    try {
      // The worker is still loading: all three wait, and each newer one drops the one before.
      const versions = ['const a = 1;\n', 'const b = 2;\n', `const stripeKey = '${KEY}';\n`].map((text) => analyzer.analyze({ path: '/w/a.ts', text, settings, keep: true, inventory: false }));
      const [first, second, third] = await Promise.all(versions);
      assert.match(String(first.result.notAnalysed), /^dropped/);
      assert.match(String(second.result.notAnalysed), /^dropped/);
      assert.deepEqual(third.result.findings.map((f) => f.ruleId), ['hardcoded-credential']);
      assert.equal(third.result.notAnalysed, undefined);
    } finally {
      analyzer.retire();
    }
  });

  it("keeps other documents' and the chat's analyses when a document changes", async () => {
    const analyzer = new DocumentAnalyzer({ script: resolve(ROOT, 'dist/worker.js'), stopped: () => assert.fail('nothing is stopped'), log: () => {} });
    try {
      const text = `const stripeKey = '${KEY}';\n`;
      const other = analyzer.analyze({ path: '/w/b.ts', text, settings, keep: true, inventory: false });
      const chat = analyzer.analyze({ path: '/w/a.ts', text, settings, keep: false, inventory: false });
      const newest = analyzer.analyze({ path: '/w/a.ts', text, settings, keep: true, inventory: false });
      for (const analysis of await Promise.all([other, chat, newest])) assert.deepEqual(analysis.result.findings.map((f) => f.ruleId), ['hardcoded-credential']);
    } finally {
      analyzer.retire();
    }
  });

  it('counts the trees the worker keeps when a document closes, with no analysis after it', async () => {
    const analyzer = new DocumentAnalyzer({ script: resolve(ROOT, 'dist/worker.js'), stopped: () => assert.fail('nothing is stopped'), log: () => {} });
    try {
      for (const path of ['/w/a.ts', '/w/b.ts']) await analyzer.analyze({ path, text: 'const a = 1;\n', settings, keep: true, inventory: false });
      const trees = (): number => analyzer.trees;
      assert.equal(trees(), 2);
      analyzer.forget('/w/a.ts');
      for (let turn = 0; turn < 1_000 && trees() !== 1; turn++) await new Promise((next) => setTimeout(next, 10));
      assert.equal(trees(), 1);
    } finally {
      analyzer.retire();
    }
  });

  it("stays retired after answering the chat's request when no document is open", async () => {
    const analyzer = new DocumentAnalyzer({ script: resolve(ROOT, 'dist/worker.js'), stopped: () => assert.fail('nothing is stopped'), log: () => {} });
    try {
      await analyzer.analyze({ path: '/w/a.ts', text: 'const a = 1;\n', settings, keep: true, inventory: false });
      analyzer.forget('/w/a.ts');
      analyzer.retire();
      assert.equal(analyzer.workers, 0);
      const chat = await analyzer.analyze({ path: '/w/chat.ts', text: `const stripeKey = '${KEY}';\n`, settings, keep: false, inventory: false });
      assert.deepEqual(chat.result.findings.map((f) => f.ruleId), ['hardcoded-credential']);
      assert.equal(analyzer.workers, 0, 'the worker and its memory stay after the last document closed');
    } finally {
      analyzer.retire();
    }
  });

  it('says a document is not analysed because the worker could not start, not as if its analysis failed', async () => {
    // An installation that cannot load the analysis: the bundle throws as it loads.
    const script = join(mkdtempSync(join(tmpdir(), 'ie-broken-')), 'server.js');
    writeFileSync(script, "throw new Error(\"Cannot find module 'ts-morph'\");\n");
    const analyzer = new DocumentAnalyzer({ script, stopped: (_path, _text, _settings, reason) => ({ findings: [], failures: [], suppressed: [], notAnalysed: reason }), log: () => {} });
    const { result } = await analyzer.analyze({ path: '/w/a.ts', text: 'const a = 1;\n', settings, keep: true, inventory: false });
    assert.equal(result.notAnalysed, "the analysis worker failed to start: Cannot find module 'ts-morph'");
  });
});
