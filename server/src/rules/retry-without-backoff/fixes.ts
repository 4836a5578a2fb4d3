/**
 * The quick fixes of retry-without-backoff: a wait that grows exponentially from the
 * existing one with full jitter, capped; for a retry library, its growing wait or
 * back-off options from the model row.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { lookupProperty, objectShape } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { FixFunction, TextEdit } from '../../engine/types.js';
import type { RetryDelayModel } from '../../models/retry-libraries.js';
import { addProperty, appendStatements, asFactor, insertStatementsBefore } from '../../analysis/edits.js';
import { bindsName } from '../../analysis/names.js';
import { sourceStyle } from '../../analysis/source-style.js';
import { existingCounter, inAsyncFunction, newCounter, resetsAfterSuccess, retryingCatches } from '../../analysis/retry/attempt-counter.js';
import type { RetryLoop } from '../../analysis/retry/loops.js';
import type { RetryConfigCall } from '../../analysis/retry/options.js';
import { containsContinue } from '../../analysis/retry/regions.js';
import { resultVariable, statusTest } from '../../analysis/retry/response-status.js';
import { waitCalls } from '../../analysis/retry/waits.js';

/** The longest wait the growing wait reaches, in ms (written as the fix writes it). */
const CAP_MS = 30_000;
const CAP_TEXT = '30_000';
/** The first wait of a loop that did not wait at all, in ms. */
const FIRST_WAIT = '1000';

type FunctionDelay = Extract<RetryDelayModel, { kind: 'function' }>;
type ExponentialDelay = Extract<RetryDelayModel, { kind: 'exponential' }>;

/** The value of a constant number expression (`5 * 60_000`, a const bound to one), else undefined. */
function constantValue(expr: ts.Expression, facts: FileFacts, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  const node = skipOuter(facts.valueOf(expr) ?? expr);
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (!ts.isBinaryExpression(node)) return undefined;
  const left = constantValue(node.left, facts, depth + 1);
  const right = constantValue(node.right, facts, depth + 1);
  if (left === undefined || right === undefined) return undefined;
  if (node.operatorToken.kind === SyntaxKind.AsteriskToken) return left * right;
  return node.operatorToken.kind === SyntaxKind.PlusToken ? left + right : undefined;
}

/** Full jitter over `base * 2 ** exponent`, capped; a base already past the cap may still grow eightfold. */
function growingWait(base: ts.Expression | string, exponent: string, facts: FileFacts): string {
  const baseText = typeof base === 'string' ? base : asFactor(base);
  const value = typeof base === 'string' ? Number(base) : constantValue(base, facts);
  const cap = value !== undefined && value >= CAP_MS ? `${baseText} * 8` : CAP_TEXT;
  return `Math.random() * Math.min(${cap}, ${baseText} * 2 ** ${exponent})`;
}

/**
 * A retry loop's fixed wait grows from its counter (one is declared and counted at the wait
 * when it has none); a loop that does not wait gets a wait where it goes round.
 */
export function loopBackoffFix(loop: RetryLoop, facts: FileFacts): FixFunction | undefined {
  if (loop.kind !== 'loop') return undefined;
  const iteration = loop.node as ts.IterationStatement;
  const { backoff } = loop;
  if (backoff.kind === 'growing') return undefined;
  return (fixer) => {
    const counter = existingCounter(iteration) ?? newCounter(iteration);
    if (!counter) return null;
    const exponent = counter.declaration ? `${counter.name}++` : counter.name;
    const catches = retryingCatches(iteration);
    // A counter of its own counts the failures in a row when only errors retry.
    const resets = counter.declaration && !loop.onStatus ? resetsAfterSuccess(iteration, catches, counter) : [];
    if (!resets) return null;
    const edits: TextEdit[] = counter.declaration ? [counter.declaration, ...resets] : [];
    if (backoff.kind === 'fixed') {
      if (waitCalls(iteration.statement, facts).length !== 1) return null;
      return [...edits, fixer.replaceText(backoff.wait, growingWait(backoff.wait, exponent, facts))];
    }
    const sourceFile = iteration.getSourceFile();
    if (!inAsyncFunction(iteration) || bindsName(sourceFile, 'setTimeout') || bindsName(sourceFile, 'Promise')) return null;
    const wait = `await new Promise((resolve) => setTimeout(resolve, ${growingWait(FIRST_WAIT, exponent, facts)}))${sourceStyle(sourceFile).semicolon}`;
    // Where it goes round: the end of each catch when only errors retry, else the end of the body.
    if (!loop.onStatus && catches.length > 0) {
      const waits = catches.map((clause) => appendStatements(clause.block, [wait], sourceFile, { oneLineWhenEmpty: true }));
      return waits.every((edit) => edit !== undefined) ? [...edits, ...(waits as TextEdit[])] : null;
    }
    const body = iteration.statement;
    if (!ts.isBlock(body) || body.statements.length === 0 || containsContinue(body)) return null;
    if (!testsResultInCondition(loop, iteration)) {
      const append = appendStatements(body, [wait], sourceFile, { oneLineWhenEmpty: true });
      return append ? [...edits, append] : null;
    }
    // The condition sends a success out: the body starts with a retry, except a do-while's first run.
    return ts.isDoStatement(iteration) ? null : [...edits, insertStatementsBefore(body.statements[0], [wait], sourceFile)];
  };
}

function testsResultInCondition(loop: RetryLoop, iteration: ts.IterationStatement): boolean {
  const condition = ts.isWhileStatement(iteration) || ts.isDoStatement(iteration) ? iteration.expression : ts.isForStatement(iteration) ? iteration.condition : undefined;
  return !!condition && loop.requests.some((request) => {
    const owner = resultVariable(request);
    return owner !== undefined && statusTest(condition, owner) !== undefined;
  });
}

/** How the file names the library's growing wait: its own import of the export, else a member of the called default. */
function growingDelayReference(config: RetryConfigCall, delay: FunctionDelay): string | undefined {
  for (const statement of config.call.getSourceFile().statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !config.library.modules.includes(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((element) => (element.propertyName ?? element.name).text === delay.growingDelayExport) : undefined;
    if (named && !named.isTypeOnly) return named.name.text;
  }
  const callee = skipOuter(config.call.expression);
  return ts.isIdentifier(callee) ? `${callee.text}.${delay.growingDelayExport}` : undefined;
}

/** axios-retry without `retryDelay`: the option, set to the library's growing wait. */
export function missingDelayFix(config: RetryConfigCall, delay: FunctionDelay, facts: FileFacts): FixFunction | undefined {
  const reference = growingDelayReference(config, delay);
  if (!reference) return undefined;
  const property = `${delay.option}: ${reference}`;
  return (fixer) => {
    if (!config.config) {
      const previous = config.call.arguments[config.library.optionsArgument - 1];
      return previous && config.call.arguments.length === config.library.optionsArgument ? fixer.insertTextAfter(previous, `, { ${property} }`) : null;
    }
    const shape = objectShape(config.config, facts);
    return shape.kind === 'object' ? addProperty(shape.node, property, shape.node.getSourceFile()) ?? null : null;
  };
}

/** A constant delay function: the library's growing wait, from the same first wait when that is a number. */
export function constantDelayFix(config: RetryConfigCall, delay: FunctionDelay, prop: ts.ObjectLiteralElementLike, value: ts.Expression, facts: FileFacts): FixFunction | undefined {
  const reference = growingDelayReference(config, delay);
  if (!reference || !ts.isPropertyAssignment(prop)) return undefined;
  const fn = skipOuter(facts.valueOf(value) ?? value);
  const returned = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && returnedExpression(fn.body);
  const grown = returned && constantValue(returned, facts) !== undefined ? delay.growingDelayFrom(reference, returned.getText()) : reference;
  return (fixer) => fixer.replaceText(prop.initializer, grown);
}

function returnedExpression(body: ts.ConciseBody): ts.Expression | undefined {
  if (!ts.isBlock(body)) return body;
  const [only] = body.statements;
  return body.statements.length === 1 && ts.isReturnStatement(only) ? only.expression : undefined;
}

/** A numeric option of a node-retry style config, with its property. */
interface NumericOption {
  prop: ts.ObjectLiteralElementLike;
  value: number | undefined;
}

/** node-retry's options that undo the back-off: a growing factor, a wait that is not zero or capped at itself, and jitter on. */
export function exponentialDelayFix(
  config: RetryConfigCall,
  delay: ExponentialDelay,
  options: { factor?: NumericOption; min?: NumericOption; max?: NumericOption },
  facts: FileFacts,
): FixFunction {
  return (fixer) => {
    const edits: TextEdit[] = [];
    const setValue = (option: NumericOption | undefined, text: string): boolean => {
      if (!option || !ts.isPropertyAssignment(option.prop)) return false;
      edits.push(fixer.replaceText(option.prop.initializer, text));
      return true;
    };
    const { factor, min, max } = options;
    if (min?.value === 0 || max?.value === 0) {
      if (min?.value === 0 && !setValue(min, String(delay.defaultMinTimeout))) return null;
      if (max?.value === 0 && !setValue(max, CAP_TEXT)) return null;
    } else if (factor?.value !== undefined && factor.value <= 1) {
      if (!setValue(factor, String(delay.defaultFactor))) return null;
    } else if (min?.value !== undefined && max?.value === min.value) {
      if (min.value >= CAP_MS || !setValue(max, CAP_TEXT)) return null;
    }
    const jitter = lookupProperty(config.config, delay.jitterOption, facts);
    if (jitter.kind === 'missing') {
      const shape = objectShape(config.config, facts);
      if (shape.kind !== 'object') return null;
      const jitterEdits = addProperty(shape.node, `${delay.jitterOption}: true`, shape.node.getSourceFile());
      if (!jitterEdits) return null;
      edits.push(...jitterEdits);
    } else if (jitter.kind === 'present' && jitter.value?.kind !== SyntaxKind.TrueKeyword) {
      if (!ts.isPropertyAssignment(jitter.prop)) return null;
      edits.push(fixer.replaceText(jitter.prop.initializer, 'true'));
    }
    return edits;
  };
}
