// The snippet files are valid VS Code snippets: contributed for the five languages, each
// snippet well formed (prefix, description, body; tab stops numbered, placeholders closed,
// choices well formed, one `$0` at most), and the TypeScript and JavaScript sets alike.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import { ROOT } from '../helpers/processes.js';
import { PYTHON_SNIPPET_CONTEXT, SNIPPET_CONTEXT } from './snippet-context.js';
import { bodyText, LANGUAGE_EXTENSIONS, snippetContributions, snippetFiles, type SnippetDefinition } from './snippet-files.js';
import { expandSnippet, parseSnippet, snippetProblems } from './snippet-syntax.js';

const SNIPPET_KEYS = new Set(['name', 'prefix', 'body', 'description', 'scope', 'isFileTemplate']);

/** Everything wrong with one snippet definition, as VS Code would read it. */
function definitionProblems(snippet: SnippetDefinition): string[] {
  const problems: string[] = [];
  const unknown = Object.keys(snippet).filter((key) => !SNIPPET_KEYS.has(key));
  if (unknown.length > 0) problems.push(`unknown keys: ${unknown.join(', ')}`);
  if (typeof snippet.prefix !== 'string' || !snippet.prefix.startsWith('ie-')) problems.push(`prefix ${JSON.stringify(snippet.prefix)} does not start with ie-`);
  if (typeof snippet.description !== 'string' || !snippet.description.trim() || snippet.description.includes('\n')) problems.push('description is not one non-empty line');
  const body = snippet.body;
  const isLines = Array.isArray(body) && body.length > 0 && body.every((line) => typeof line === 'string');
  if (!isLines && (typeof body !== 'string' || !body)) {
    problems.push('body is neither a string nor an array of strings');
    return problems;
  }
  const text = bodyText(body);
  problems.push(...snippetProblems(text));
  if (problems.length === 0 && !parseSnippet(text).some((node) => node.kind === 'placeholder' || node.kind === 'choice')) problems.push('body has no placeholder or choice to fill in');
  return problems;
}

describe('snippet contributions', () => {
  const contributions = snippetContributions();

  it('contribute a snippet file for each of the four JavaScript languages and Python', () => {
    assert.deepEqual(contributions.map((entry) => entry.language).sort(), [...Object.keys(LANGUAGE_EXTENSIONS), 'python'].sort());
  });

  for (const { language, path } of contributions) {
    it(`${language} points at an existing file under snippets/`, () => {
      assert.match(path, /^\.\/snippets\/[\w.-]+\.(code-snippets|json)$/);
      assert.ok(existsSync(resolve(ROOT, path)), `${path} does not exist`);
    });
  }
});

for (const file of snippetFiles()) {
  const contexts: Record<string, unknown> = file.languages.includes('python') ? PYTHON_SNIPPET_CONTEXT : SNIPPET_CONTEXT;
  const contextFile = file.languages.includes('python') ? 'PYTHON_SNIPPET_CONTEXT in test/snippets/snippet-context.ts' : 'test/snippets/snippet-context.ts';
  describe(`${file.path} (${file.languages.join(', ')})`, () => {
    it('is valid JSON with at least one snippet', () => {
      assert.equal(file.parseError, undefined);
      assert.ok((file.snippets ?? []).length > 0);
    });

    it('has unique prefixes', () => {
      const prefixes = (file.snippets ?? []).map((snippet) => snippet.prefix);
      assert.deepEqual(prefixes.filter((prefix, index) => prefixes.indexOf(prefix) !== index), []);
    });

    it('scans clean as a file in the repository', () => {
      const result = analyze(rules, file.path, readFileSync(resolve(ROOT, file.path), 'utf8'));
      assert.deepEqual(result.findings.map((finding) => `${finding.range.start.line + 1} [${finding.ruleId}] ${finding.message}`), []);
    });

    for (const snippet of file.snippets ?? []) {
      it(`${snippet.name} is a well-formed snippet`, () => {
        assert.deepEqual(definitionProblems(snippet), []);
      });

      it(`${snippet.name} declares the imports it needs`, () => {
        assert.ok(contexts[String(snippet.prefix)], `add ${String(snippet.prefix)} to ${contextFile}`);
      });
    }
  });
}

describe('TypeScript and JavaScript snippets', () => {
  const files = snippetFiles();
  const forLanguage = (language: string) => files.find((file) => file.languages.includes(language))?.snippets ?? [];
  const summary = (snippets: SnippetDefinition[]) => snippets.map((snippet) => `${String(snippet.prefix)}: ${String(snippet.description)}`).sort();

  it('offer the same prefixes with the same descriptions', () => {
    assert.deepEqual(summary(forLanguage('javascript')), summary(forLanguage('typescript')));
  });

  it('reach the React variants through the same files', () => {
    assert.deepEqual(forLanguage('typescriptreact'), forLanguage('typescript'));
    assert.deepEqual(forLanguage('javascriptreact'), forLanguage('javascript'));
  });
});

describe('the snippet syntax checker', () => {
  const problemsOf = (body: string) => snippetProblems(body).join('\n');

  it('accepts tab stops, placeholders, choices, variables and escapes', () => {
    assert.equal(problemsOf('const ${1:name} = ${2|a,b|};\n$1 = `\\${x}` + $TM_FILENAME_BASE + ${UUID};$0'), '');
  });

  it('rejects an unescaped template-literal interpolation', () => {
    assert.match(problemsOf('const s = `${orderId}`;'), /unknown variable orderId/);
  });

  it('rejects a literal $ that is not escaped', () => {
    assert.match(problemsOf('const re = /a$/;'), /literal \$ must be escaped/);
  });

  it('rejects an unclosed placeholder and an unclosed choice', () => {
    assert.match(problemsOf('${1:name'), /placeholder is not closed/);
    assert.match(problemsOf('${1|a,b}'), /choice is not closed/);
  });

  it('rejects gaps in the numbering, a repeated $0 and a default on $0', () => {
    assert.match(problemsOf('${1:a} ${3:b}'), /not numbered 1\.\.2/);
    assert.match(problemsOf('$0 $0'), /\$0 appears more than once/);
    assert.match(problemsOf('${0:end}'), /takes no default/);
  });

  it('rejects two defaults for one tab stop, and malformed choices', () => {
    assert.match(problemsOf('${1:a} ${1:b}'), /tab stop 1 has 2 defaults/);
    assert.match(problemsOf('${1|only|}'), /fewer than two options/);
    assert.match(problemsOf('${1|a,,b|}'), /empty option/);
    assert.match(problemsOf('${1|a,a|}'), /repeats an option/);
  });

  it('expands mirrors, nested placeholders, choices, variables and escapes', () => {
    assert.equal(expandSnippet('$1 ${1:outer ${2:inner}} $2 ${3|first,second|} \\$ \\} ${TM_SELECTED_TEXT:fallback} $TM_FILENAME_BASE$0'), 'outer inner outer inner inner first $ } fallback orders');
  });
});
