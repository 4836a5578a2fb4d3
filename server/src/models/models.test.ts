import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { GLOBAL } from '../engine/facts.js';
import { ts } from '../engine/ts.js';

const MODELS_DIR = 'server/src/models';
const RULES_DIR = 'server/src/rules';
/** The integration map reads model rows too (consumers, provider SDKs): its tests show them. */
const MAP_TESTS_DIR = 'test/inventory';

const ruleTestFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(RULES_DIR, entry.name)).filter((name) => name.endsWith('.test.ts')).map((name) => join(RULES_DIR, entry.name, name)))
  .concat(readdirSync(MAP_TESTS_DIR).filter((name) => name.endsWith('.test.ts')).map((name) => join(MAP_TESTS_DIR, name)));

/**
 * The string constants a test file assembles from parts (`'gh' + 'p_' + R36`, so secret
 * scanners leave it alone), folded to their values: token formats are matched against these.
 */
function foldedConstants(path: string): string[] {
  const sourceFile = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const values = new Map<string, string>();
  const fold = (expr: ts.Expression): string | undefined => {
    if (ts.isStringLiteralLike(expr)) return expr.text;
    if (ts.isIdentifier(expr)) return values.get(expr.text);
    if (ts.isParenthesizedExpression(expr)) return fold(expr.expression);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = fold(expr.left);
      const right = fold(expr.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    return undefined;
  };
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const value = fold(declaration.initializer);
      if (value !== undefined) values.set(declaration.name.text, value);
    }
  }
  return [...values.values()];
}

/** Every rule and map test file's text and assembled constants: a row is exercised when some test shows it. */
const ruleTests = ruleTestFiles.flatMap((path) => [readFileSync(path, 'utf8'), ...foldedConstants(path)]).join('\n');

/**
 * The modules the Python rule tests import (`import hmac, hashlib`, `from google.cloud import
 * pubsub_v1` shows `google.cloud` and `google.cloud.pubsub_v1`): a Python row is shown by them.
 */
const pythonImports = new Set<string>();
for (const line of ruleTests.split(/\\n|\n|`/)) {
  // A map test writes a Python file as quoted lines (`'from slack_sdk import WebClient',`).
  const from = /^\s*['"]?from\s+([\w.]+)\s+import\s+([\w, ]+)/.exec(line);
  const plain = /^\s*['"]?import\s+([\w., ]+?)\s*(?:\bas\b.*)?['"]?,?$/.exec(line);
  const modules = from ? [from[1], ...from[2].split(',').map((name) => `${from[1]}.${name.trim()}`)] : plain ? plain[1].split(',').map((module) => module.trim()) : [];
  // A submodule shows its package too (`aiobotocore.session` shows `aiobotocore`).
  for (const module of modules) module.split('.').forEach((_, index, parts) => pythonImports.add(parts.slice(0, index + 1).join('.')));
}

interface Row {
  /** A map row of a broker's consumers: shown by a map test's `broker:<label>` system. */
  broker?: string;
  label?: string;
  modules?: readonly string[];
  signatureHeaders?: readonly string[];
  pattern?: RegExp;
}

/** What a test must show of a row: the module it is imported from, a header it reads, or a token it matches. */
function unexercised(row: Row): string | undefined {
  const modules = (row.modules ?? []).filter((module) => module !== GLOBAL);
  if (modules.length > 0) {
    // Imported as itself or through one of its subpaths (`next/server` for `next`).
    const shown = (module: string) => [`'${module}'`, `"${module}"`, `'${module}/`, `"${module}/`].some((quoted) => ruleTests.includes(quoted)) || pythonImports.has(module);
    // A row's modules are one library's entry points: one of them shown exercises the row.
    return modules.some(shown) ? undefined : `no rule test imports ${modules.join(' or ')}`;
  }
  if (row.modules?.includes(GLOBAL)) return undefined;
  if (row.broker && row.label) return ruleTests.includes(`broker:${row.label}`) ? undefined : `no map test shows broker:${row.label}`;
  if (row.signatureHeaders && row.signatureHeaders.length > 0) {
    return row.signatureHeaders.some((header) => ruleTests.toLowerCase().includes(header.toLowerCase())) ? undefined : `no rule test sends ${row.signatureHeaders.join(' or ')}`;
  }
  if (row.pattern) return new RegExp(row.pattern.source, row.pattern.flags.replace('g', '')).test(ruleTests) ? undefined : `no rule test holds a ${row.pattern}`;
  return 'the row names no module, header or pattern a test could show';
}

it('every model row is exercised by at least one rule or map test', async () => {
  const files = readdirSync(MODELS_DIR).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  let tables = 0;
  const problems: string[] = [];
  for (const file of files) {
    const module = (await import(`./${file}`)) as Record<string, unknown>;
    for (const [table, rows] of Object.entries(module)) {
      if (!Array.isArray(rows)) continue;
      tables++;
      rows.forEach((row: Row & Record<string, unknown>, index) => {
        const problem = unexercised(row);
        const name = row.label ?? row.provider ?? row.name ?? row.modules?.[0] ?? index;
        if (problem) problems.push(`${file} ${table}[${String(name)}]: ${problem}`);
      });
    }
  }
  assert.ok(tables >= 10, `only ${tables} model tables found`);
  assert.deepEqual(problems, []);
});
