import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'node:test';
import { JSDOM } from 'jsdom';
import { ROOT, runCli } from '../helpers/processes.js';

/** Mermaid's own parser, which sanitises labels through DOMPurify and so needs a DOM: jsdom's. */
async function mermaidParser(): Promise<(text: string) => Promise<{ diagramType: string }>> {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  return (text) => mermaid.parse(text) as Promise<{ diagramType: string }>;
}

it("map --format mermaid is a flowchart Mermaid itself parses, and so is the docs page's example", async () => {
  const parse = await mermaidParser();
  const run = runCli(['map', '--format', 'mermaid', 'examples'], ROOT);
  assert.equal(run.status, 0, run.stderr);
  assert.equal((await parse(run.stdout)).diagramType, 'flowchart-v2');

  const page = readFileSync(resolve(ROOT, 'docs/integration-map.md'), 'utf8');
  const example = /```mermaid\n([\s\S]*?)```/.exec(page);
  assert.ok(example, 'the docs page shows a mermaid block');
  assert.equal((await parse(example[1])).diagramType, 'flowchart-v2');

  // The parser does reject a flowchart broken the way a writer's bug would break it (an edge label whose closing bar is lost).
  await assert.rejects(parse(run.stdout.replace('"| ', '" ')));
});
