/**
 * The suggestions of missing-idempotency-key: a key that stays the same across repeats of
 * the request. It comes from a stable id in scope (`order.id`, `requestId`), else from a
 * random key created once, before the retries: a key created on each attempt would make
 * every repeat look new.
 */
import { ts } from '../../engine/ts.js';
import { collectBindingNames, getProperty, isFunctionNode, propertyValue, statementsOf } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { ParsedFile } from '../../engine/rule.js';
import type { Fixer, SuggestionReport, TextEdit } from '../../engine/types.js';
import { IDEMPOTENCY_KEY_HEADER, type MoneyMovingApi } from '../../models/idempotency.js';
import { splitWords } from '../../secrets/words.js';
import type { PostRequest } from '../../analysis/network-calls.js';
import { isPlainObject } from '../../analysis/idempotency.js';
import { addProperty, insertStatementsBefore } from '../../analysis/edits.js';
import { bindsName, freeName } from '../../analysis/names.js';
import { sourceStyle } from '../../analysis/source-style.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { someNode } from '../../analysis/retry/regions.js';

/** Words of a name that say it identifies one operation (a key from it repeats only with the operation), the most specific first. */
const OPERATION_WORDS = ['idempotency', 'request', 'operation', 'transaction', 'checkout', 'order', 'invoice', 'delivery', 'event', 'evt', 'message', 'job', 'batch'];
const KEY_NAMES = ['idempotencyKey', 'requestKey', 'retryKey'];
const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/** How the key is made: from a stable id in scope, or random and created before the retries. */
type KeySource = { kind: 'id'; id: string } | { kind: 'random'; before: ts.Statement };

/** Names bound where the call is: parameters of the enclosing functions and declarations before it in its blocks. */
function namesInScope(call: ts.Node): string[] {
  const names: string[] = [];
  let child: ts.Node = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    const found = new Set<string>();
    if (isFunctionNode(node)) for (const param of node.parameters) collectBindingNames(param.name, found);
    const statements = statementsOf(node);
    for (const statement of statements?.slice(0, statements.indexOf(child as ts.Statement)) ?? []) {
      if (ts.isVariableStatement(statement)) for (const decl of statement.declarationList.declarations) collectBindingNames(decl.name, found);
    }
    names.push(...found);
  }
  return names;
}

/** The call runs only when a test of the name failed (`id ? … : call`, `if (!id) call`): the id may be missing there. */
function falsyOnPath(call: ts.Node, name: string): boolean {
  const mentions = (expr: ts.Expression): boolean => someNode(expr, (node) => ts.isIdentifier(node) && node.text === name);
  let child: ts.Node = call;
  for (let node = call.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    if (ts.isConditionalExpression(node) && node.whenFalse === child && mentions(node.condition)) return true;
    if (ts.isIfStatement(node) && node.expression !== child && mentions(node.expression)) return true;
  }
  return false;
}

/** How specific the operation a name identifies is: the rank of its word in OPERATION_WORDS, or undefined. */
function operationRank(name: string): number | undefined {
  const ranks = splitWords(name).map((word) => OPERATION_WORDS.indexOf(word)).filter((rank) => rank >= 0);
  return ranks.length > 0 ? Math.min(...ranks) : undefined;
}

/** The name identifying the most specific operation, the nearest first among equals. */
function mostSpecific(names: readonly string[]): string | undefined {
  let best: { name: string; rank: number } | undefined;
  for (const name of names) {
    const rank = operationRank(name);
    if (rank !== undefined && (!best || rank < best.rank)) best = { name, rank };
  }
  return best?.name;
}

/** `orderId`, `requestId`, `idempotencyKey`, or `order.id` when the function reads `order.id` itself. */
function stableId(call: ts.CallExpression): string | undefined {
  const names = namesInScope(call).filter((name) => !falsyOnPath(call, name));
  const id = mostSpecific(names.filter((name) => {
    const words = splitWords(name);
    return words.length > 1 && ['id', 'key', 'ref'].includes(words[words.length - 1]);
  }));
  if (id) return id;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  const readsId = (name: string): boolean =>
    !!fn && someNode(fn, (node) => ts.isPropertyAccessExpression(node) && node.name.text === 'id' && ts.isIdentifier(node.expression) && node.expression.text === name);
  const owner = mostSpecific(names.filter(readsId));
  return owner && `${owner}.id`;
}

/** The statement in a block that holds the node, with no function between them (the key must be made once per run of that code). */
function statementHolding(node: ts.Node): ts.Statement | undefined {
  for (let current = node; current.parent; current = current.parent) {
    if (statementsOf(current.parent) && ts.isStatement(current)) return current;
    if (current !== node && isFunctionNode(current)) return undefined;
  }
  return undefined;
}

/**
 * Where a random key is created: before the retry loop, before the statement calling the
 * retry helper, else before the call's statement. None when the call is `retried` by a
 * retry elsewhere (it calls a helper holding the call): the key would be new on each attempt.
 */
function randomKeyPlace(call: ts.CallExpression, file: ParsedFile, retried: boolean): ts.Statement | undefined {
  const retry = retryLoops(file).find((loop) => loop.node.pos <= call.pos && call.end <= loop.node.end);
  if (retry?.kind === 'recursion' || (retried && !retry)) return undefined;
  if (retry?.kind === 'loop') return statementHolding(call) && retry.node.parent && statementsOf(retry.node.parent) ? (retry.node as ts.Statement) : undefined;
  if (retry?.kind === 'callback') return statementHolding(retry.node);
  return statementHolding(call);
}

function keySource(call: ts.CallExpression, file: ParsedFile, retried: boolean): KeySource | undefined {
  const id = stableId(call);
  if (id) return { kind: 'id', id };
  const before = randomKeyPlace(call, file, retried);
  return before ? { kind: 'random', before } : undefined;
}

/** `randomUUID()` as the file reaches it: its own import from node's crypto, else the global `crypto`. */
function randomUuidCall(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !CRYPTO_MODULES.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((element) => (element.propertyName ?? element.name).text === 'randomUUID') : undefined;
    if (named) return `${named.name.text}()`;
    if (bindings && ts.isNamespaceImport(bindings)) return `${bindings.name.text}.randomUUID()`;
    if (clause?.name) return `${clause.name.text}.randomUUID()`;
  }
  return bindsName(sourceFile, 'crypto') ? undefined : 'crypto.randomUUID()';
}

/** The key's expression, with the statement creating it when it is random. */
function keyEdits(source: KeySource, prefix: string, scope: ts.Node): { key: string; edits: TextEdit[] } | undefined {
  if (source.kind === 'id') return { key: splitWords(source.id).includes('idempotency') ? source.id : `\`${prefix}-\${${source.id}}\``, edits: [] };
  const sourceFile = source.before.getSourceFile();
  const uuid = randomUuidCall(sourceFile);
  const name = freeName(scope, KEY_NAMES);
  if (!uuid || !name) return undefined;
  return { key: name, edits: [insertStatementsBefore(source.before, [`const ${name} = ${uuid}${sourceStyle(sourceFile).semicolon}`], sourceFile)] };
}

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const name = current.name ?? (ts.isVariableDeclaration(current.parent) ? current.parent.name : undefined);
    if (name && ts.isIdentifier(name)) return name.text;
  }
  return undefined;
}

/** Adds `text` to the options argument at `index`: into its object literal, or as a new argument after the last. */
function addOption(fixer: Fixer, call: ts.CallExpression, index: number, text: string): TextEdit[] | undefined {
  const options = call.arguments[index];
  if (options) {
    const literal = skipOuter(options);
    return ts.isObjectLiteralExpression(literal) ? addProperty(literal, text, literal.getSourceFile()) : undefined;
  }
  const last = call.arguments[call.arguments.length - 1];
  return last && call.arguments.length === index ? [fixer.insertTextAfter(last, `, { ${text} }`)] : undefined;
}

/** The suggestion for a money-moving call: its key option, in the request options argument of the model row. */
export function keyOptionSuggestion(call: ts.CallExpression, api: MoneyMovingApi, resource: string, file: ParsedFile): SuggestionReport | undefined {
  const source = keySource(call, file, false);
  if (!source) return undefined;
  const scope = source.kind === 'random' ? source.before.parent : call;
  return {
    messageId: source.kind === 'id' ? 'keyFromId' : 'randomKey',
    data: { keyOption: api.keyOption, id: source.kind === 'id' ? source.id : '' },
    fix: (fixer) => {
      const made = keyEdits(source, resource.replace(/s$/, ''), scope);
      if (!made) return null;
      const option = made.key === api.keyOption ? made.key : `${api.keyOption}: ${made.key}`;
      const edits = addOption(fixer, call, api.optionsArgument, option);
      return edits ? [...made.edits, ...edits] : null;
    },
  };
}

/** The header added to a POST's options: in its `headers` object, a copy of the object it names, or new `headers`. */
function headerEdits(fixer: Fixer, post: PostRequest, header: string, facts: FileFacts): TextEdit[] | undefined {
  const options = post.options && skipOuter(post.options);
  const headers = options && ts.isObjectLiteralExpression(options) ? getProperty(options, 'headers') : undefined;
  if (!headers) return addOption(fixer, post.call, post.optionsIndex, `headers: { ${header} }`);
  const value = propertyValue(headers);
  const literal = value && skipOuter(value);
  if (literal && ts.isObjectLiteralExpression(literal)) return addProperty(literal, header, literal.getSourceFile());
  // Headers the file builds elsewhere as a plain object: spread into a copy (a `Headers` instance would not spread).
  if (!value || !isPlainObject(value, facts)) return undefined;
  return [fixer.replaceText(headers, `headers: { ...${value.getText()}, ${header} }`)];
}

/** The suggestion for a retried POST: an `Idempotency-Key` header; `byRetryCode` when a retry loop or helper of the file sends it again. */
export function keyHeaderSuggestion(post: PostRequest, file: ParsedFile, byRetryCode: boolean): SuggestionReport | undefined {
  if (post.chained) return undefined;
  const source = keySource(post.call, file, byRetryCode);
  if (!source) return undefined;
  const scope = source.kind === 'random' ? source.before.parent : post.call;
  const { quote } = sourceStyle(file.sourceFile);
  return {
    messageId: source.kind === 'id' ? 'headerFromId' : 'randomHeader',
    data: { header: IDEMPOTENCY_KEY_HEADER, id: source.kind === 'id' ? source.id : '' },
    fix: (fixer) => {
      const made = keyEdits(source, enclosingFunctionName(post.call) ?? 'request', scope);
      const edits = made && headerEdits(fixer, post, `${quote}${IDEMPOTENCY_KEY_HEADER}${quote}: ${made.key}`, file.facts);
      return made && edits ? [...made.edits, ...edits] : null;
    },
  };
}
