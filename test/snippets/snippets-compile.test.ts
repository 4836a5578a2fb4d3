// Every snippet, expanded with its defaults and given the imports it needs, must type-check
// under `tsc --strict` against the real type packages and scan clean with our own engine.
// All files of a language go through one tsc run; errors are mapped back to snippets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import { ROOT } from '../helpers/processes.js';
import { SNIPPET_CONTEXT } from './snippet-context.js';
import { bodyText, LANGUAGE_EXTENSIONS, snippetFiles } from './snippet-files.js';
import { expandSnippet } from './snippet-syntax.js';

interface ExpandedSnippet {
  prefix: string;
  extension: string;
  /** Relative to the work directory, as tsc prints it. */
  file: string;
  text: string;
  /** Lines of context above the snippet, to turn a file line into a snippet line. */
  contextLines: number;
}

interface CheckRun {
  flavour: 'ts' | 'js';
  status: number | null;
  ms: number;
  output: string;
  /** tsc errors per expanded file; errors in no snippet file stay under ''. */
  errors: Map<string, string[]>;
}

const TSC = resolve(ROOT, 'node_modules/.bin/tsc');
const TSC_ERROR = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/;

function flavourOf(extension: string): 'ts' | 'js' {
  return extension === '.ts' || extension === '.tsx' ? 'ts' : 'js';
}

function expandAll(): ExpandedSnippet[] {
  const expanded: ExpandedSnippet[] = [];
  for (const file of snippetFiles()) {
    for (const language of file.languages) {
      const extension = LANGUAGE_EXTENSIONS[language];
      if (!extension) continue;
      for (const snippet of file.snippets ?? []) {
        const prefix = String(snippet.prefix);
        const context = SNIPPET_CONTEXT[prefix]?.[flavourOf(extension)] ?? [];
        const text = `${context.join('\n')}\n\n${expandSnippet(bodyText(snippet.body))}\n`;
        const file = `${flavourOf(extension)}/${prefix}${extension}`;
        expanded.push({ prefix, extension, file, text, contextLines: context.length + 1 });
      }
    }
  }
  return expanded;
}

function compilerOptions(flavour: 'ts' | 'js'): Record<string, unknown> {
  return {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    jsx: 'preserve',
    lib: ['ES2023'],
    types: ['node'],
    typeRoots: [resolve(ROOT, 'node_modules/@types')],
    // JavaScript carries no annotations: check it for real mistakes (unknown names, wrong
    // APIs, misused values), not for the absence of types.
    ...(flavour === 'js' ? { allowJs: true, checkJs: true, noImplicitAny: false } : {}),
  };
}

function runTsc(workDir: string, flavour: 'ts' | 'js', snippets: ExpandedSnippet[]): CheckRun {
  const config = `tsconfig.${flavour}.json`;
  writeFileSync(join(workDir, config), JSON.stringify({ compilerOptions: compilerOptions(flavour), include: [flavour] }, null, 2));
  const started = performance.now();
  const result = spawnSync(TSC, ['-p', config, '--pretty', 'false'], { cwd: workDir, encoding: 'utf8' });
  const ms = Math.round(performance.now() - started);
  const byFile = new Map(snippets.map((snippet) => [snippet.file, snippet]));
  const errors = new Map<string, string[]>();
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  for (const line of output.split('\n').filter((text) => text.trim())) {
    const match = TSC_ERROR.exec(line);
    const snippet = match ? byFile.get(match[1].replaceAll('\\', '/')) : undefined;
    const key = snippet?.file ?? '';
    const message = snippet && match ? `snippet line ${Number(match[2]) - snippet.contextLines}: ${match[4]}` : line;
    errors.set(key, [...(errors.get(key) ?? []), message]);
  }
  return { flavour, status: result.status, ms, output, errors };
}

const snippets = expandAll();
const runs = new Map<'ts' | 'js', CheckRun>();
let workDir = '';

describe('snippets type-check and scan clean', () => {
  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'ie-snippets-'));
    symlinkSync(resolve(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
    writeFileSync(join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    for (const snippet of snippets) {
      mkdirSync(join(workDir, flavourOf(snippet.extension)), { recursive: true });
      writeFileSync(join(workDir, snippet.file), snippet.text);
    }
    for (const flavour of ['ts', 'js'] as const) {
      runs.set(flavour, runTsc(workDir, flavour, snippets.filter((snippet) => flavourOf(snippet.extension) === flavour)));
    }
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('has snippets for all four languages', () => {
    const extensions = new Set(snippets.map((snippet) => snippet.extension));
    assert.deepEqual([...extensions].sort(), ['.js', '.jsx', '.ts', '.tsx']);
  });

  for (const flavour of ['ts', 'js'] as const) {
    it(`runs tsc once over every ${flavour} snippet with no error outside them`, (t) => {
      const run = runs.get(flavour)!;
      const count = snippets.filter((snippet) => flavourOf(snippet.extension) === flavour).length;
      t.diagnostic(`tsc --strict over ${count} ${flavour} files: ${run.ms} ms`);
      assert.deepEqual(run.errors.get('') ?? [], [], `tsc reported problems in no snippet file:\n${run.output}`);
      if (run.errors.size === 0) assert.equal(run.status, 0, `tsc exited with ${run.status}:\n${run.output}`);
    });
  }

  for (const snippet of snippets) {
    const label = `${snippet.prefix} (${snippet.extension})`;

    it(`${label} type-checks`, () => {
      const errors = runs.get(flavourOf(snippet.extension))!.errors.get(snippet.file) ?? [];
      assert.deepEqual(errors, [], `${label} does not type-check:\n${errors.join('\n')}`);
    });

    it(`${label} scans clean`, () => {
      // Named by prefix, so a webhook receiver's path says webhook, as it would in a real app.
      const result = analyze(rules, `src/snippets/${snippet.prefix}${snippet.extension}`, snippet.text);
      assert.deepEqual(result.failures.map((failure) => failure.ruleId), [], 'a rule threw on the snippet');
      const findings = result.findings.map((finding) => `snippet line ${finding.range.start.line + 1 - snippet.contextLines} [${finding.ruleId}] ${finding.message}`);
      assert.deepEqual(findings, [], `${label} has findings:\n${findings.join('\n')}`);
    });
  }
});
