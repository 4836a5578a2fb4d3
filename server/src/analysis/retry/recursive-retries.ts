/**
 * Recursive retries: a function that calls itself again (or passes itself on) after a
 * failed network call — from a catch, a `.catch`, a close/error event of a connection
 * or a failure status branch.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { collectBindingNames, contains } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { FileNodes } from '../../engine/walk.js';
import { firstNotBefore } from '../../engine/sorted.js';
import type { FunctionNode } from '../../engine/ast.js';
import type { CallLike } from '../network-calls.js';
import { recursionCounters, recursionIsBounded } from './attempt-limits.js';
import type { RetryLoop } from './loops.js';
import type { NetworkReach } from './reach.js';
import { someNode, updatedNames } from './regions.js';
import { looksAtStatus, resultVariable, statusTest } from './response-status.js';
import { backoffOf, waitsIn, type Wait } from './waits.js';

const CLOSE_EVENTS = new Set(['close', 'error', 'end', 'disconnect', 'disconnected', 'exit']);
/** The first parameter of a node-style callback, the error. */
const ERROR_PARAMETER = /^(err|error|e|er)$/;

function nameOf(fn: FunctionNode): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
    if (fn.name) return fn.name;
  }
  if (ts.isMethodDeclaration(fn)) return ts.isIdentifier(fn.name) ? fn.name : undefined;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
  if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
  return undefined;
}

/**
 * The file's identifiers and `this.name` accesses by name, in document order, bucketed once per
 * parse from the file's one walk: a named function's references to itself are looked up here
 * instead of walking its body (a walk per named function revisits nested bodies once per
 * enclosing function).
 */
export class NameUses {
  private identifiers?: Map<string, ts.Identifier[]>;
  private thisMembers?: Map<string, ts.PropertyAccessExpression[]>;

  constructor(private readonly nodes: FileNodes) {}

  /** The identifiers spelt `text` inside `root` (`root` included), in document order. */
  identifiersIn(root: ts.Node, text: string): ts.Identifier[] {
    this.identifiers ??= byName(this.nodes.ofKind<ts.Identifier>(SyntaxKind.Identifier), (id) => id.text);
    return within(this.identifiers.get(text), root);
  }

  /** The `this.text` accesses inside `root` (`root` included), in document order. */
  thisMembersIn(root: ts.Node, text: string): ts.PropertyAccessExpression[] {
    const accesses = this.nodes.ofKind<ts.PropertyAccessExpression>(SyntaxKind.PropertyAccessExpression);
    this.thisMembers ??= byName(accesses.filter((access) => access.expression.kind === SyntaxKind.ThisKeyword), (access) => access.name.text);
    return within(this.thisMembers.get(text), root);
  }
}

function byName<Node>(nodes: readonly Node[], nameOf: (node: Node) => string): Map<string, Node[]> {
  const map = new Map<string, Node[]>();
  for (const node of nodes) {
    const list = map.get(nameOf(node));
    if (list) list.push(node);
    else map.set(nameOf(node), [node]);
  }
  return map;
}

/**
 * The nodes of a document-ordered list that are `root` or its descendants. The list's nodes
 * never contain one another, so their starts ascend: a binary search finds the first in the
 * root's span, and the parent chain decides (a zero-width node at the span's edge may be outside).
 */
function within<Node extends ts.Node>(nodes: readonly Node[] | undefined, root: ts.Node): Node[] {
  if (!nodes) return [];
  const inside: Node[] = [];
  for (let i = firstNotBefore(nodes, (node) => node.pos < root.pos); i < nodes.length && nodes[i].pos <= root.end; i++) {
    if (ts.findAncestor(nodes[i], (node) => node === root)) inside.push(nodes[i]);
  }
  return inside;
}

/** References to the function itself inside its body: calls, or the function passed as a callback. */
function selfReferences(fn: FunctionNode, name: ts.Identifier, facts: FileFacts, uses: NameUses): ts.Expression[] {
  if (!fn.body) return [];
  const isMember = ts.isMethodDeclaration(fn) || ts.isPropertyDeclaration(fn.parent);
  const refs: ts.Expression[] = isMember ? uses.thisMembersIn(fn.body, name.text) : uses.identifiersIn(fn.body, name.text).filter((id) => id !== name && facts.declarationName(id) === name);
  return refs.filter((ref) => {
    const parent = ref.parent;
    return (ts.isCallExpression(parent) && (parent.expression === ref || parent.arguments.includes(ref))) || (ts.isBinaryExpression(parent) && parent.right === ref);
  });
}

/** A function that calls itself again after a failed network call, with its limit and backoff. */
export function judgeRecursion(fn: FunctionNode, reach: NetworkReach, uses: NameUses): RetryLoop | undefined {
  const name = nameOf(fn);
  if (!name || !fn.body) return undefined;
  const refs = selfReferences(fn, name, reach.facts, uses).filter((ref) => hasTriggerShape(ref, fn));
  if (refs.length === 0) return undefined;
  const requests = reach.networkCallsIn(fn).filter((call) => !isSelfCall(call, refs));
  if (requests.length === 0) return undefined;
  const delays: Wait[] = [];
  const retrying: ts.Expression[] = [];
  for (const ref of refs) {
    const trigger = recursionTrigger(ref, fn, requests, reach.facts);
    if (!trigger) continue;
    retrying.push(ref);
    delays.push(...trigger.waits);
  }
  if (retrying.length === 0) return undefined;
  const params = new Set<string>();
  for (const param of fn.parameters) collectBindingNames(param.name, params);
  const counters = recursionCounters(fn, refs, params);
  const varying = new Set([...params, ...updatedNames([fn.body], true, true)]);
  const waits = [...delays, ...waitsIn(fn.body, true, reach)];
  return {
    kind: 'recursion',
    node: fn,
    requests,
    bounded: recursionIsBounded(fn, counters, retrying),
    backoff: backoffOf(waits, (n) => varying.has(n) || varying.has(n.split('.')[0]), reach.facts, fn),
  };
}

function isSelfCall(call: CallLike, refs: ts.Expression[]): boolean {
  return ts.isCallExpression(call) && refs.includes(call.expression);
}

/**
 * Why a self-reference runs again: in a catch of a try around a network call, a
 * `.catch` callback, a close/error event of a connection, or a failure status branch.
 * Also the `setTimeout(..., delay)` it is scheduled through.
 */
function recursionTrigger(ref: ts.Expression, fn: FunctionNode, requests: CallLike[], facts: FileFacts): { waits: Wait[] } | undefined {
  const waits: Wait[] = [];
  let trigger = false;
  const inside = (outer: ts.Node | undefined): boolean => !!outer && requests.some((call) => contains(outer, call));
  let child: ts.Node = ref;
  for (let node = ref.parent; node && node !== fn; child = node, node = node.parent) {
    if (ts.isCallExpression(node) && facts.isGlobal(node.expression, 'setTimeout') && node.arguments[0] === child) waits.push({ delay: node.arguments[1], growsByName: false });
    if (trigger) continue;
    if (ts.isCatchClause(node) && inside(node.parent.tryBlock)) trigger = true;
    if (ts.isCallExpression(node) && node.arguments.includes(child as ts.Expression) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const isRejection = method === 'catch' || (method === 'then' && node.arguments[1] === child);
      if (isRejection && inside(node.expression.expression)) trigger = true;
      const event = node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) ? node.arguments[0].text : undefined;
      if ((method === 'on' || method === 'once' || method === 'addEventListener') && event && CLOSE_EVENTS.has(event)) trigger = true;
    }
    if (ts.isBinaryExpression(node) && node.right === child && ts.isPropertyAccessExpression(node.left) && /^on(close|error|end)$/.test(node.left.name.text)) trigger = true;
    if (isErrorCallback(node) && inside(node.parent) && onFailurePath(ref, node)) trigger = true;
    if (ts.isIfStatement(node) && node.thenStatement === child) {
      trigger = requests.some((call) => {
        const owner = resultVariable(call);
        return owner !== undefined && statusTest(node.expression, owner) === 'failure';
      });
    }
  }
  return trigger ? { waits } : undefined;
}

/** A cheap first look: is a self-reference in a place a retry trigger could be? */
function hasTriggerShape(ref: ts.Expression, fn: FunctionNode): boolean {
  let child: ts.Node = ref;
  for (let node = ref.parent; node && node !== fn; child = node, node = node.parent) {
    if (ts.isCatchClause(node)) return true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.includes(child as ts.Expression)) {
      const method = node.expression.name.text;
      if (method === 'catch' || method === 'then' || method === 'on' || method === 'once' || method === 'addEventListener') return true;
    }
    if (ts.isBinaryExpression(node) && node.right === child && ts.isPropertyAccessExpression(node.left) && /^on(close|error|end)$/.test(node.left.name.text)) return true;
    if (isErrorCallback(node)) return true;
    if (ts.isIfStatement(node) && node.thenStatement === child && someNode(node.expression, looksAtStatus)) return true;
  }
  return false;
}

/** A node-style callback handed to a call: `request.post(url).end((err) => …)`, `http.get(url, (err, res) => …)`. */
function isErrorCallback(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const first = node.parameters[0];
  return ts.isCallExpression(node.parent) && node.parent.arguments.includes(node) && first !== undefined && ts.isIdentifier(first.name) && ERROR_PARAMETER.test(first.name.text);
}

/** What an `if` on a callback's error tests: `err`, `err != null` is the failure; `!err`, `err == null` the success. */
function errorTest(condition: ts.Expression, error: string): 'failure' | 'success' | undefined {
  const node = skipOuter(condition);
  if (ts.isIdentifier(node)) return node.text === error ? 'failure' : undefined;
  if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) {
    const inner = errorTest(node.operand, error);
    return inner && (inner === 'failure' ? 'success' : 'failure');
  }
  const left = ts.isBinaryExpression(node) ? skipOuter(node.left) : undefined;
  if (!ts.isBinaryExpression(node) || !left || !ts.isIdentifier(left) || left.text !== error) return undefined;
  if (node.right.kind !== SyntaxKind.NullKeyword && !(ts.isIdentifier(node.right) && node.right.text === 'undefined')) return undefined;
  const kind = node.operatorToken.kind;
  if (kind === SyntaxKind.ExclamationEqualsToken || kind === SyntaxKind.ExclamationEqualsEqualsToken) return 'failure';
  if (kind === SyntaxKind.EqualsEqualsToken || kind === SyntaxKind.EqualsEqualsEqualsToken) return 'success';
  return undefined;
}

/** A statement that leaves the callback: `return …`, `throw …`, or a block ending in one. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]);
}

/**
 * The self-reference runs when the callback got an error: under `if (err)`, in the `else` of
 * `if (!err)`, or after `if (!err) return done()`. A reschedule after success is a poll.
 */
function onFailurePath(ref: ts.Expression, callback: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const error = (callback.parameters[0].name as ts.Identifier).text;
  let child: ts.Node = ref;
  for (let node = ref.parent; node && node !== callback; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && (child === node.thenStatement || child === node.elseStatement)) {
      const test = errorTest(node.expression, error);
      if (test) return (test === 'failure') === (child === node.thenStatement);
    }
    if (ts.isBlock(node)) {
      for (const statement of node.statements) {
        if (statement === child) break;
        if (!ts.isIfStatement(statement) || statement.elseStatement || !exits(statement.thenStatement)) continue;
        const test = errorTest(statement.expression, error);
        if (test) return test === 'success';
      }
    }
  }
  return false;
}
