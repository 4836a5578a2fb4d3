import { ancestor, callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, dottedText, field, forEachDescendant, forEachInScope, namedChildren, numberValue, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { pyHttpCalls, pyPassedInClientCalls } from './http.js';
import { pyConnectionCalls } from './connections.js';
import { rememberedPerParse } from '../memo.js';
import { PY_CLOCKS, PY_DECODE_ERRORS, PY_HTTP_CLIENTS, PY_SETTINGS_OBJECTS } from '../../models/python.js';

const DECODE_ERRORS = new Set(PY_DECODE_ERRORS.flatMap((row) => row.errors));
const CLOCKS = new Set(PY_CLOCKS.flatMap((row) => row.calls));
const RAISING_CHECKS = new Set(PY_HTTP_CLIENTS.flatMap((model) => model.raisingCheck ?? []));
const SETTINGS_OBJECTS = new Set(PY_SETTINGS_OBJECTS.flatMap((row) => row.names));

/** A hand-written retry loop: a loop that sends a request, goes round on failure and leaves on success. */
export interface PyRetryLoop {
  loop: PyNode;
  /** The request it repeats, for messages. */
  request: PyNode;
  /** `time.sleep(...)` / `asyncio.sleep(...)` calls in its body. */
  sleeps: PyNode[];
  /** `while True:`, `while 1:`, `for _ in itertools.count()`. */
  endless: boolean;
  /** The loop counts attempts and stops: a counter it increments compared in the loop, or a `for ... in range(n)`. */
  bounded: boolean;
}

const SLEEPS = new Set(['time.sleep', 'asyncio.sleep', 'gevent.sleep', 'trio.sleep', 'anyio.sleep', 'sleep']);
/** A loop variable or iterable that says the loop counts attempts. */
const ATTEMPT_WORDS = /attempt|retr|tries|try_|tries/i;


function isSleep(call: PyNode, facts: PyFacts): boolean {
  return SLEEPS.has(facts.qualify(field(call, 'function')) ?? '');
}

/** The loop's own statements: nested loops and functions are not its body. */
function loopBody(loop: PyNode): PyNode | undefined {
  return field(loop, 'body');
}

/** `while True`, `while 1`, `for _ in itertools.count()`. */
function isEndless(loop: PyNode, facts: PyFacts): boolean {
  if (loop.type === 'while_statement') {
    const condition = unwrap(field(loop, 'condition'));
    return condition?.type === 'true' || (condition !== undefined && numberValue(condition, facts.text) === 1);
  }
  const iterable = unwrap(field(loop, 'right'));
  return iterable?.type === 'call' && facts.qualify(field(iterable, 'function')) === 'itertools.count';
}

/** A `for` over `range(...)`, `itertools.count()` or a name saying attempts; any `while`. */
function countsAttempts(loop: PyNode, facts: PyFacts): boolean {
  if (loop.type === 'while_statement') return true;
  const iterable = unwrap(field(loop, 'right'));
  const variable = field(loop, 'left');
  if (iterable?.type === 'call' && ['range', 'itertools.count'].includes(facts.qualify(field(iterable, 'function')) ?? '')) return true;
  return ATTEMPT_WORDS.test(variable ? facts.textOf(variable) : '') || ATTEMPT_WORDS.test(iterable ? facts.textOf(iterable) : '');
}

/** A status compared with codes: the operator as written with the status on the left (`500 <= s` → `>=`), and the codes. */
function statusComparison(status: PyNode, facts: PyFacts): { operator: string; codes: number[] } | undefined {
  const comparison = status.parent;
  if (comparison?.type !== 'comparison_operator') return undefined;
  const operands = namedChildren(comparison);
  if (operands.length !== 2) return undefined;
  const written = comparison.children.filter((child) => !child.named).map((child) => child.type).join(' ');
  const mirrored: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
  const operator = operands[0] === status ? written : mirrored[written] ?? written;
  const value = unwrap(facts.valueOf(operands[0] === status ? operands[1] : operands[0]));
  const items = value?.type === 'tuple' || value?.type === 'list' || value?.type === 'set' ? namedChildren(value) : value ? [value] : [];
  const codes = items.map((code) => numberValue(code, facts.text));
  return codes.length > 0 && codes.every((code) => code !== undefined) ? { operator, codes: codes as number[] } : undefined;
}

/** Statements that leave a loop. */
const LEAVING_STATEMENTS = new Set(['return_statement', 'break_statement', 'raise_statement']);

const isSuccessCode = (code: number) => code >= 200 && code < 300;
/** Not Found: asked again, it is a resource that does not exist yet (a scan's result), not a service failing. */
const NOT_FOUND = 404;

/**
 * `resp.status == 202`, `resp.status_code == 404`: a status compared for equality with a success
 * code, or with Not Found alone, is a poll for work in progress (a report not ready yet), not a
 * failed call a wait would spare.
 */
function isPendingCheck(status: PyNode, facts: PyFacts): boolean {
  const compared = statusComparison(status, facts);
  return compared !== undefined && (compared.operator === '==' || compared.operator === 'in') && compared.codes.every((code) => isSuccessCode(code) || code === NOT_FOUND);
}

/** What a status test says when true: the call failed (`!= 200`, `>= 400`, `not r.ok`), or the test does not show it. */
function testsFailure(status: PyNode, facts: PyFacts): boolean {
  if (facts.textEndsWith(status, '.ok')) return status.parent?.type === 'not_operator';
  const compared = statusComparison(status, facts);
  if (!compared) return false;
  const { operator, codes } = compared;
  if (operator === '!=' || operator === 'not in') return codes.every(isSuccessCode);
  if (operator === '==' || operator === 'in') return codes.every((code) => code >= 400);
  return (operator === '>=' && codes[0] >= 300) || (operator === '>' && codes[0] >= 299);
}

/**
 * A status test that is an `if`'s whole condition, true on failure, whose branch ends by leaving
 * the loop (`if res.status_code != 200: return None`): that failure does not send the loop round
 * (contract 1.1), as in a pagination loop.
 */
function leavesOnFailure(status: PyNode, facts: PyFacts): boolean {
  if (!testsFailure(status, facts)) return false;
  // The comparison, or `not` before `.ok`.
  let test = status.parent!;
  while (test.parent?.type === 'parenthesized_expression') test = test.parent;
  return conditionLeaves(test);
}

/** The test is the condition of an `if` / `elif` whose branch ends by leaving the loop (return, break, raise). */
function conditionLeaves(test: PyNode): boolean {
  const branch = test.parent;
  if (test.field !== 'condition' || (branch?.type !== 'if_statement' && branch?.type !== 'elif_clause')) return false;
  const block = field(branch, 'consequence');
  const last = block ? namedChildren(block).at(-1) : undefined;
  return last !== undefined && LEAVING_STATEMENTS.has(last.type);
}

const TEST_PARTS = new Set(['comparison_operator', 'not_operator', 'boolean_operator', 'parenthesized_expression']);
const TESTING_STATEMENTS = new Set(['if_statement', 'elif_clause', 'while_statement']);

/** A status read inside a condition (`if r.status_code != 200`, `while not r.ok`), not one passed on as a value. */
function isTested(status: PyNode): boolean {
  let at = status;
  while (at.parent && TEST_PARTS.has(at.parent.type)) at = at.parent;
  return at.parent !== null && TESTING_STATEMENTS.has(at.parent.type) && at.field === 'condition';
}

/** A clock read in the expression, directly (`time.monotonic() - start`) or through a name bound to one (`now = time.time()`). */
function readsClock(expression: PyNode, facts: PyFacts): boolean {
  let found = false;
  forEachDescendant(expression, (node) => {
    const value = node.type === 'identifier' ? facts.valueOf(node) : node;
    if (value?.type === 'call' && CLOCKS.has(facts.qualify(field(value, 'function')) ?? '')) found = true;
    return !found;
  });
  return found;
}

/**
 * `assert time.monotonic() < deadline`, or `if time.time() > deadline: raise ...` (also return or
 * break): the loop leaves once a deadline passes, a bound in time (contract 1.1: a loop that
 * throws at a bound is bounded).
 */
function leavesAtDeadline(comparison: PyNode, facts: PyFacts): boolean {
  let test = comparison;
  while (test.parent && TEST_PARTS.has(test.parent.type)) test = test.parent;
  const statement = test.parent;
  const leaves = statement?.type === 'assert_statement' ? namedChildren(statement)[0] === test : conditionLeaves(test);
  return leaves && readsClock(comparison, facts);
}

/** `r.status_code`, `resp.status`, `r.ok`: read as written, without slicing every attribute of the loop. */
function isStatusRead(attribute: PyNode, facts: PyFacts): boolean {
  return facts.textEndsWith(attribute, '.status_code') || facts.textEndsWith(attribute, '.status') || facts.textEndsWith(attribute, '.ok');
}

/** The node is in the body of a `try` inside the loop. */
function insideTry(node: PyNode, loop: PyNode): boolean {
  for (let child = node, current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type === 'try_statement' && child.field === 'body') return true;
  }
  return false;
}

/**
 * `response.raise_for_status()` run before a status test on the same response, outside a `try` of
 * the loop, on every path that reaches the test: a failure has left the loop by then, so the test
 * sees successes only (contract 1.1: a pagination loop that does not catch-and-retry failures).
 */
function raisedBefore(status: PyNode, loop: PyNode, facts: PyFacts): boolean {
  const response = dottedText(field(status, 'object'), facts.text);
  if (!response) return false;
  for (let block = ancestor(status, 'block'); block && block.start > loop.start; block = ancestor(block, 'block')) {
    for (const statement of namedChildren(block)) {
      if (statement.start >= status.start) break;
      const call = statement.type === 'expression_statement' ? unwrap(namedChildren(statement)[0]) : undefined;
      if (call?.type === 'call' && RAISING_CHECKS.has(calleeName(call, facts.text) ?? '') && dottedText(calleeObject(call), facts.text) === response && !insideTry(call, loop)) return true;
    }
  }
  return false;
}

/** `n = n + 1` / `n = n - 1`: the name an assignment steps by adding to or taking from itself. */
function steppedName(assignment: PyNode, facts: PyFacts): string | undefined {
  const left = field(assignment, 'left');
  const right = unwrap(field(assignment, 'right'));
  if (left?.type !== 'identifier' || right?.type !== 'binary_operator') return undefined;
  const operator = right.children.find((child) => !child.named)?.type;
  const [first] = namedChildren(right);
  const name = facts.textOf(left);
  return (operator === '+' || operator === '-') && first?.type === 'identifier' && facts.textOf(first) === name ? name : undefined;
}

/** The exception classes an `except` names, qualified; empty for a bare `except:`. */
export function caughtTypes(clause: PyNode, facts: PyFacts): string[] {
  let caught = namedChildren(clause).find((child) => child.type !== 'block');
  if (caught?.type === 'as_pattern') caught = namedChildren(caught)[0];
  caught = unwrap(caught);
  const types = caught?.type === 'tuple' ? namedChildren(caught) : caught ? [caught] : [];
  return types.map((type) => facts.qualify(type) ?? '');
}

/**
 * `try: data = response.json() except ValueError: data = {}`: an `except` that catches only a
 * body that is not JSON, around no request, and does not go round. It handles the answer, not a
 * failed call: a loop holding only such an `except` retries nothing (a pagination loop).
 */
function catchesParseErrorOnly(clause: PyNode, requests: ReadonlySet<PyNode>, facts: PyFacts): boolean {
  const types = caughtTypes(clause, facts);
  if (types.length === 0 || !types.every((type) => DECODE_ERRORS.has(type) || type.split('.').pop() === 'JSONDecodeError')) return false;
  const body = clause.parent?.type === 'try_statement' ? field(clause.parent, 'body') : undefined;
  let sendsOrContinues = body === undefined;
  for (const part of body ? [body, clause] : []) {
    forEachInScope(part, (node) => {
      if (requests.has(node) || (part === clause && node.type === 'continue_statement')) sendsOrContinues = true;
      return !sendsOrContinues;
    });
  }
  return !sendsOrContinues;
}

function findLoops(facts: PyFacts): PyRetryLoop[] {
  const requests = new Set([...pyHttpCalls(facts), ...pyPassedInClientCalls(facts)].filter((http) => http.kind === 'request').map((http) => http.call));
  const connections = pyConnectionCalls(facts);
  const found: PyRetryLoop[] = [];
  for (const loop of [...facts.ofType('for_statement'), ...facts.ofType('while_statement')]) {
    const body = loopBody(loop);
    if (!body || !countsAttempts(loop, facts)) continue;
    let request: PyNode | undefined;
    let caught = false;
    let statusCheck = false;
    let exits = false;
    let raisesInExcept = false;
    let timed = false;
    const sleeps: PyNode[] = [];
    const incremented = new Set<string>();
    const compared: string[] = [];
    forEachInScope(body, (node) => {
      // A nested loop is its own loop.
      if (node !== body && (node.type === 'for_statement' || node.type === 'while_statement')) return false;
      if (node.type === 'call') {
        // A broker or SDK connection counts when its failure is caught in the loop: a reconnect loop.
        if (requests.has(node) || (connections.has(node) && insideTry(node, loop))) request ??= node;
        else if (isSleep(node, facts)) sleeps.push(node);
      }
      if (node.type === 'except_clause') {
        const block = namedChildren(node).find((child) => child.type === 'block');
        const leaving = block?.children.filter((statement) => LEAVING_STATEMENTS.has(statement.type)) ?? [];
        // An except that returns or breaks (not under an `if`) leaves the loop on a failure: the loop
        // goes round only on success, as a pagination loop does (contract 1.1), so that catch retries nothing.
        if (leaving.length === 0 && !catchesParseErrorOnly(node, requests, facts)) caught = true;
        // `raise` at the end of the except (not under an `if`) leaves the loop on the first failure.
        if (leaving.some((statement) => statement.type === 'raise_statement')) raisesInExcept = true;
      }
      if (node.type === 'break_statement' || node.type === 'return_statement') exits = true;
      // A failure status that leaves the loop sends nothing round; a status read as a value (in a message) tests nothing.
      if (node.type === 'attribute' && isStatusRead(node, facts) && isTested(node) && !isPendingCheck(node, facts) && !leavesOnFailure(node, facts) && !raisedBefore(node, loop, facts)) statusCheck = true;
      if (node.type === 'augmented_assignment') {
        const left = field(node, 'left');
        if (left) incremented.add(facts.textOf(left));
      }
      // `retry = retry - 1` steps a counter as `retry -= 1` does.
      const stepped = node.type === 'assignment' ? steppedName(node, facts) : undefined;
      if (stepped) incremented.add(stepped);
      if (node.type === 'comparison_operator') {
        compared.push(facts.textOf(node));
        if (leavesAtDeadline(node, facts)) timed = true;
      }
      return true;
    });
    const endless = isEndless(loop, facts);
    // A reconnect loop (`while True: try: connect and stream / except: sleep`) never leaves on success,
    // but waits only when the call failed: it goes round because of the failure. A poller waits every time.
    const reconnects = endless && caught && sleeps.length > 0 && sleeps.every((sleep) => ancestor(sleep, 'except_clause') !== undefined && ancestor(sleep, new Set(['for_statement', 'while_statement'])) === loop);
    if (!request || !(exits || reconnects) || raisesInExcept || !(caught || statusCheck)) continue;
    const whileCondition = loop.type === 'while_statement' ? facts.textOf(field(loop, 'condition')!) : '';
    // A counter the loop increments and compares (or tests in its condition) bounds it.
    const names = (text: string) => text.split(/[^\w.]+/);
    // `for attempt in itertools.count():` counts by itself: its variable compared in the body bounds it.
    const counter = loop.type === 'for_statement' && endless && field(loop, 'left')?.type === 'identifier' ? facts.textOf(field(loop, 'left')!) : undefined;
    const counted = [...incremented, ...(counter ? [counter] : [])].some((name) => compared.some((text) => names(text).includes(name)) || names(whileCondition).includes(name));
    const bounded = counted || timed || (!endless && (loop.type === 'for_statement' || !/^(True|1)$/.test(whileCondition)));
    found.push({ loop, request, sleeps, endless, bounded });
  }
  return found;
}

/** The file's hand-written retry loops, found once per parse. */
export const pyRetryLoops = perFile(findLoops);

/**
 * True when a sleep's delay stays the same across attempts: a number, or a name bound once
 * to a number and not changed in the loop. A delay from the attempt counter, a name the loop
 * changes (`delay *= 2`) or a random draw grows or varies.
 */
export function isConstantDelay(sleep: PyNode, loop: PyNode, facts: PyFacts): boolean {
  const delay = callArguments(sleep, facts.text).positional[0];
  return !delay || isLoopConstant(delay, loop, facts);
}

/** A number, a name the loop never reassigns that holds one, or arithmetic of such (`30 * 2`, `BASE + 1`). */
function isLoopConstant(node: PyNode, loop: PyNode, facts: PyFacts): boolean {
  const value = unwrap(node);
  if (!value) return false;
  if (numberValue(value, facts.text) !== undefined) return true;
  if (value.type === 'binary_operator') return [field(value, 'left'), field(value, 'right')].every((side) => side !== undefined && isLoopConstant(side, loop, facts));
  if (value.type === 'unary_operator') return isLoopConstant(field(value, 'argument')!, loop, facts);
  if (value.type !== 'identifier' && value.type !== 'attribute') return false;
  const name = facts.textOf(value);
  let changed = false;
  forEachInScope(field(loop, 'body')!, (node) => {
    if ((node.type === 'augmented_assignment' || node.type === 'assignment') && facts.textIs(field(node, 'left')!, name)) changed = true;
    return !changed;
  });
  if (changed) return false;
  // `settings.RETRY_DELAY`: a setting, fixed for the process, whatever number the deployment gives it.
  if (value.type === 'attribute' && SETTINGS_OBJECTS.has(facts.qualify(field(value, 'object')) ?? '')) return true;
  return numberValue(facts.valueOf(value), facts.text) !== undefined;
}

/** A decorator of a definition with its qualified name, and its call when it is one (`@retry(...)`). */
export interface PyDecoratorCall {
  decorator: PyNode;
  name: string;
  call?: PyNode;
}

/** A decorator's call (`@retry(...)`) or bare name (`@retry`) with its qualified name; kept per parse, as several rules ask of every function. */
export const decoratorCalls: (definition: PyNode, facts: PyFacts) => readonly PyDecoratorCall[] = rememberedPerParse(readDecoratorCalls);

function readDecoratorCalls(definition: PyNode, facts: PyFacts): PyDecoratorCall[] {
  return decoratorsOf(definition).flatMap((decorator) => {
    const expression = unwrap(decoratorExpression(decorator));
    if (!expression) return [];
    const target = expression.type === 'call' ? field(expression, 'function') : expression;
    const name = facts.qualify(target);
    return name ? [{ decorator, name, call: expression.type === 'call' ? expression : undefined }] : [];
  });
}

/** Celery task decorators: `@app.task(...)`, `@shared_task(...)`, `@celery.task(bind=True, ...)`, and bare `@app.task`. */
export function isCeleryTask(name: string, call: PyNode | undefined, facts: PyFacts): boolean {
  // Asked of every decorator of every function: the last name is cut off, not split out.
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (last === 'shared_task') return true;
  if (last !== 'task') return false;
  const owner = call && calleeObject(call);
  const made = owner && facts.instanceOf(owner)?.name;
  return made === 'celery.Celery' || facts.imports.has('celery') || [...facts.imports.values()].some((module) => module.startsWith('celery'));
}

