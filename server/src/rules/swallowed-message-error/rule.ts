import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachNode, hasTerminator, insideNestedFunction, isTerminator, propertyName } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule, type ParsedFile } from '../../engine/rule.js';
import type { SuggestionReport, TextEdit } from '../../engine/types.js';
import { splitWords } from '../../secrets/words.js';
import { isAckCall, isCommitCall, isMessageRef, isNegativeAck, messageHandlers, readsContent, usesMessage, type MessageHandler } from '../../analysis/message-handlers.js';
import { DESTINATION_KEYS, PUBLISH_METHODS } from '../../analysis/publish-calls.js';
import { appendStatements, exitsEarly } from '../../analysis/edits.js';
import { sourceStyle } from '../../analysis/source-style.js';
import { chainWords, isLoggingCall, receiverOf } from '../../analysis/syntax.js';
import { fillCall } from '../../models/messaging.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

/** Words that name a dead-letter, retry or parking destination. */
const PARKING_WORDS = new Set(['dlq', 'dlx', 'dead', 'deadletter', 'retry', 'retries', 'parking', 'park', 'parked', 'failed', 'quarantine', 'poison']);
/** A function named after a failure place that only records or reports it does not move the message. */
const NOT_A_MOVE_WORDS = new Set(['mark', 'record', 'log', 'logger', 'track', 'count', 'increment', 'metric', 'metrics', 'set', 'update', 'is', 'has', 'get']);

function isParkingWord(words: string[]): boolean {
  return words.some((w) => PARKING_WORDS.has(w));
}

/** Words naming where a publish call sends: its receiver and its topic/queue/exchange arguments. */
function destinationWords(call: ts.CallExpression, facts: FileFacts): string[] {
  const words = chainWords(receiverOf(call));
  const collect = (expr: ts.Expression, depth: number): void => {
    const node = skipOuter(expr);
    if (ts.isStringLiteralLike(node)) {
      words.push(...splitWords(node.text));
    } else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      words.push(...chainWords(node));
      const value = facts.valueOf(node);
      if (value && value !== node && ts.isStringLiteralLike(value)) words.push(...splitWords(value.text));
    } else if (ts.isObjectLiteralExpression(node) && depth < 3) {
      for (const prop of node.properties) {
        const key = propertyName(prop.name);
        if (!key || !DESTINATION_KEYS.has(key)) continue;
        if (ts.isPropertyAssignment(prop)) collect(prop.initializer, depth + 1);
        else if (ts.isShorthandPropertyAssignment(prop)) collect(prop.name, depth + 1);
      }
    } else if (ts.isNewExpression(node) && depth < 3) {
      for (const arg of node.arguments ?? []) collect(arg, depth + 1);
    }
  };
  call.arguments.slice(0, 2).forEach((arg) => collect(arg, 0));
  return words;
}

/** Publishes the message to a dead-letter / retry / parking place, or calls a function named for doing so. */
function movesToParking(call: ts.CallExpression, facts: FileFacts): boolean {
  const name = calleeName(call);
  if (!name || isLoggingCall(call)) return false;
  const nameWords = splitWords(name);
  if (isParkingWord(nameWords) && !nameWords.some((w) => NOT_A_MOVE_WORDS.has(w))) return true;
  return PUBLISH_METHODS.has(name) && isParkingWord(destinationWords(call, facts));
}

/** `process.exit`, `process.abort` or `process.kill`: the handler ends the process rather than going on. */
function endsProcess(call: ts.CallExpression): boolean {
  const name = dottedName(call.expression);
  return name === 'process.exit' || name === 'process.abort' || name === 'process.kill';
}

function isPromiseReject(expr: ts.Expression | undefined): boolean {
  if (!expr) return false;
  let node = skipOuter(expr);
  if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
  return ts.isCallExpression(node) && dottedName(node.expression) === 'Promise.reject';
}

/** The catch body rethrows, nacks, dead-letters the message or exits the process. */
function handlesFailure(body: ts.Node, handler: MessageHandler, facts: FileFacts): boolean {
  if (ts.isExpression(body) && isPromiseReject(body)) return true;
  let handled = false;
  const check = (node: ts.Node): void => {
    if (handled) return;
    if (ts.isThrowStatement(node) && !insideNestedFunction(node, body)) handled = true;
    else if (ts.isReturnStatement(node) && isPromiseReject(node.expression) && !insideNestedFunction(node, body)) handled = true;
    else if (ts.isCallExpression(node) && (isNegativeAck(node, handler, facts) || movesToParking(node, facts) || endsProcess(node))) handled = true;
  };
  forEachNode(body, check);
  return handled;
}

/**
 * The protected code holds the message's main processing call (contract 1.4): decoding, a
 * status update, a metric or a notification about the message is not it.
 */
function doesMainWork(protectedCode: ts.Node, handler: MessageHandler, facts: FileFacts): boolean {
  const main = mainCall(handler, protectedCode, facts);
  let found = false;
  forEachNode(protectedCode, (node) => {
    if (found || !ts.isCallExpression(node)) return;
    if (main ? node === main : usesMessage(node, handler) && !isDecodeCall(node)) found = true;
  });
  return found;
}

/** Words of a method name that update the message's status rather than do its work: `markProcessing`, `updateProgress`. */
const STATUS_WORDS = new Set(['status', 'state', 'progress', 'mark']);
/** Words anywhere in a callee chain that report about the message: `this.notifications.refundIssued`. */
const REPORTING_WORDS = new Set(['notify', 'notification', 'notifications', 'notifier']);

/**
 * A call that records something about the message (its status, a metric, a notification)
 * rather than processing it; in a handler that does nothing else with it, it is the work.
 */
function isBookkeeping(call: ts.CallExpression): boolean {
  if (isLoggingCall(call)) return true;
  const methodWords = splitWords(calleeName(call) ?? '');
  return methodWords.some((word) => STATUS_WORDS.has(word)) || chainWords(call.expression).some((word) => REPORTING_WORDS.has(word));
}

const DECODE_NAMES = new Set(['parse', 'safeParse', 'decode', 'deserialize', 'toString', 'from', 'json', 'string', 'fromBinary', 'validate']);

function isDecodeCall(call: ts.CallExpression): boolean {
  return DECODE_NAMES.has(calleeName(call) ?? '');
}

function inCondition(node: ts.Node, root: ts.Node): boolean {
  for (let child = node, current = node.parent; current && child !== root; child = current, current = current.parent) {
    if ((ts.isIfStatement(current) || ts.isWhileStatement(current)) && current.expression === child) return true;
    if (ts.isConditionalExpression(current) && current.condition === child) return true;
  }
  return false;
}

/**
 * A branch that leaves the handler (or the loop round) on its own: `if (x) return apply(msg);`,
 * also through a `try` whose block and catch both leave (`try { return await render(job); }
 * catch { …; return null; }`).
 */
function isExitingBranch(branch: ts.Statement): boolean {
  if (isTerminator(branch)) return true;
  if (ts.isBlock(branch)) return branch.statements.some(isExitingBranch);
  if (!ts.isTryStatement(branch)) return false;
  return (branch.finallyBlock !== undefined && isExitingBranch(branch.finallyBlock))
    || (isExitingBranch(branch.tryBlock) && (!branch.catchClause || isExitingBranch(branch.catchClause.block)));
}

/**
 * The node sits in a path of its own that does not reach `guarded`: an if/else branch that
 * exits, or another case of a switch. Work done there says nothing about the rest of the handler.
 */
function onSeparatePath(node: ts.Node, guarded: ts.Node, root: ts.Node): boolean {
  for (let child = node, current = node.parent; current && child !== root; child = current, current = current.parent) {
    if (child.pos <= guarded.pos && guarded.end <= child.end) return false;
    if (ts.isIfStatement(current) && current.expression !== child && isExitingBranch(child as ts.Statement)) return true;
    if (ts.isCaseClause(child) || ts.isDefaultClause(child)) return true;
  }
  return false;
}

/**
 * `Promise.all(batch.messages.map(async (message) => …))`: the call only hands the messages to
 * callbacks; the work is done by the calls inside them.
 */
function worksOnlyInCallbacks(call: ts.CallExpression, handler: MessageHandler): boolean {
  const receiver = receiverOf(call);
  if (receiver && readsContent(receiver, handler)) return false;
  return call.arguments.every((argument) => {
    const node = skipOuter(argument);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
    if (ts.isCallExpression(node)) return worksOnlyInCallbacks(node, handler);
    return !isMessageRef(node, handler) && !readsContent(node, handler);
  });
}

const mainCandidates = new WeakMap<MessageHandler, ts.CallExpression[]>();

/** Calls that work with the message and are not a decode, a guard in a condition or a broker operation (a dead-letter publish included), in source order. */
function candidateCalls(handler: MessageHandler, facts: FileFacts): ts.CallExpression[] {
  let calls = mainCandidates.get(handler);
  if (!calls) {
    const found: ts.CallExpression[] = [];
    forEachNode(handler.body, (node) => {
      if (!ts.isCallExpression(node) || isDecodeCall(node) || !usesMessage(node, handler) || worksOnlyInCallbacks(node, handler)) return;
      if (calleeName(node) === 'catch' || calleeName(node) === 'then' || inCondition(node, handler.body)) return;
      // Broker operations on the message (a push onto the array an sqs-consumer handler returns), a dead-letter publish too (`sendToDeadLetter(payload, err)`): they settle or move it, not do its work.
      if (isCommitCall(node, handler, facts) || isCommit(node, handler, facts) || isNegativeAck(node, handler, facts) || movesToParking(node, facts)) return;
      found.push(node);
    });
    const work = found.filter((call) => !isBookkeeping(call));
    calls = work.length > 0 ? work : found;
    mainCandidates.set(handler, calls);
  }
  return calls;
}

/**
 * The message's main processing call on the path of the guarded code: the first candidate
 * call that is not in a branch of its own. A try that does not hold it (nor the decoding of
 * the content) protects a step the handler may skip.
 */
function mainCall(handler: MessageHandler, guarded: ts.Node, facts: FileFacts): ts.CallExpression | undefined {
  const onPath = candidateCalls(handler, facts).filter((call) => !onSeparatePath(call, guarded, handler.body));
  // The work is what is done with the whole message or payload (`save(order)`, `handle(msg)`);
  // calls on one of its fields (`geo.lookup(click.ip)`) are side steps.
  return onPath.find((call) => takesWholePayload(call, handler)) ?? onPath.find((call) => !prepares(call, guarded));
}

/** The call is given the whole message or payload, alone or as a field of its options (`run({ payload, io })`). */
function takesWholePayload(call: ts.CallExpression, handler: MessageHandler): boolean {
  const isPayload = (expr: ts.Expression): boolean => {
    let node = skipOuter(expr);
    while (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    return ts.isIdentifier(node) && (handler.messages.has(node.text) || handler.contents.has(node.text));
  };
  return call.arguments.some((arg) => {
    const node = skipOuter(arg);
    if (!ts.isObjectLiteralExpression(node)) return isPayload(node);
    return node.properties.some((prop) => (ts.isShorthandPropertyAssignment(prop) ? isPayload(prop.name) : ts.isPropertyAssignment(prop) && isPayload(prop.initializer)));
  });
}

/** Lookups and decoding by the app's own helpers, named as such. */
const PREPARATION = /^(find|get|load|fetch|read|lookup|query|select|retrieve|parse|decode|deserialize|unmarshal|validate|resolve)/i;

/** A lookup or decode outside the try whose result the try works on: it prepares the work. */
function prepares(call: ts.CallExpression, guarded: ts.Node): boolean {
  return PREPARATION.test(calleeName(call) ?? '') && feeds(call, guarded);
}

/** Names a call's (awaited) result is bound to: `const contact = await load(job.data.id)`. */
function resultNames(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== node) return [];
  const names: string[] = [];
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  collect(parent.name);
  return names;
}

/**
 * A call outside the try whose result the try works on (a lookup or a decode by a helper of the
 * app's own) prepares the main work; it is not the main work itself.
 */
function feeds(call: ts.CallExpression, guarded: ts.Node): boolean {
  if (call.pos >= guarded.pos && call.end <= guarded.end) return false;
  const names = new Set(resultNames(call));
  if (names.size === 0) return false;
  let used = false;
  forEachNode(guarded, (node) => {
    if (!used && ts.isIdentifier(node) && names.has(node.text)) used = true;
  });
  return used;
}

/** An operation that tells the broker the message is done. */
function isCommit(node: ts.Node, handler: MessageHandler, facts: FileFacts): boolean {
  // A consumer that settles what the handler returns (sqs-consumer) commits by `return message`,
  // or by pushing the message onto an array the handler returns (`done.push(message)`, `return done`).
  if (handler.library.onReturn === 'returned') {
    if (ts.isReturnStatement(node)) return isMessageRef(node.expression, handler);
    return ts.isCallExpression(node) && pushesOntoReturned(node, handler);
  }
  return ts.isCallExpression(node) && isCommitCall(node, handler, facts);
}

function pushesOntoReturned(call: ts.CallExpression, handler: MessageHandler): boolean {
  if (calleeName(call) !== 'push' || !call.arguments.some((arg) => isMessageRef(arg, handler))) return false;
  const receiver = receiverOf(call);
  const array = receiver && skipOuter(receiver);
  return !!array && ts.isIdentifier(array) && returnedNames(handler).has(array.text);
}

const returnedNamesCache = new WeakMap<MessageHandler, Set<string>>();

/** The names the handler function returns (`return done`), not those returned by functions nested in it. */
function returnedNames(handler: MessageHandler): Set<string> {
  let names = returnedNamesCache.get(handler);
  if (!names) {
    const found = new Set<string>();
    const body = handler.fn?.body ?? handler.body;
    forEachNode(body, (node) => {
      const value = ts.isReturnStatement(node) && node.expression && skipOuter(node.expression);
      if (value && ts.isIdentifier(value) && !insideNestedFunction(node, body)) found.add(value.text);
    });
    names = found;
    returnedNamesCache.set(handler, names);
  }
  return names;
}

function findIn(root: ts.Node, test: (node: ts.Node) => boolean, from = -1): boolean {
  let found = false;
  const check = (node: ts.Node): void => {
    if (!found && node.pos >= from && test(node)) found = true;
  };
  forEachNode(root, check);
  return found;
}

/** A `return <value>` in the catch: the caller may act on the failure result. */
function returnsResult(body: ts.Node, handler: MessageHandler): boolean {
  return findIn(body, (node) => ts.isReturnStatement(node) && !!node.expression && !isMessageRef(node.expression, handler) && !insideNestedFunction(node, body));
}

function resultIsUsed(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return !ts.isExpressionStatement(node.parent);
}

/**
 * Is the message committed once the catch has run? Some brokers commit whenever the handler
 * returns (Kafka, BullMQ); the others only when the handler acks / deletes / returns the message after the catch.
 */
function commitsAfter(handler: MessageHandler, catchBody: ts.Node, after: ts.Node, catchExits: boolean, facts: FileFacts): boolean {
  if (handler.autoCommit || handler.library.onReturn === 'commit') return true;
  const commit = (node: ts.Node): boolean => isCommit(node, handler, facts);
  if (findIn(catchBody, commit) || committedBefore(handler, after, facts)) return true;
  if (catchExits) return false;
  if (findIn(handler.body, (node) => ts.isCallExpression(node) && isNegativeAck(node, handler, facts), after.end)) return false;
  if (findIn(handler.body, commit, after.end)) return true;
  const caller = handler.caller;
  return !!caller && !resultIsUsed(caller.call) && commitsAfter(caller.handler, caller.call, caller.call, false, facts);
}

/** An ack on the straight path before the try (not in a branch of its own): the message is already gone. */
function committedBefore(handler: MessageHandler, guarded: ts.Node, facts: FileFacts): boolean {
  let found = false;
  forEachNode(handler.body, (node) => {
    if (found || node.end > guarded.pos || !ts.isCallExpression(node) || !isCommit(node, handler, facts)) return;
    found = onStraightPath(node, guarded, handler.body);
  });
  return found;
}

function onStraightPath(node: ts.Node, guarded: ts.Node, root: ts.Node): boolean {
  for (let current = node.parent; current && current !== root.parent; current = current.parent) {
    if (current.pos <= guarded.pos && guarded.end <= current.end) return true;
    if (ts.isBlock(current) && current.statements.some(isTerminator)) return false;
    if (ts.isIfStatement(current) || ts.isConditionalExpression(current) || ts.isCatchClause(current) || ts.isCaseClause(current) || ts.isDefaultClause(current) || ts.isFunctionLike(current) || ts.isTryStatement(current)) return false;
  }
  return false;
}

function finallyCommits(tryStatement: ts.TryStatement, handler: MessageHandler, facts: FileFacts): boolean {
  return !!tryStatement.finallyBlock && findIn(tryStatement.finallyBlock, (node) => isCommit(node, handler, facts));
}

/** For a `.catch(cb)` callback given by reference: logging and no-op callbacks swallow, others are unknown. */
function isSwallowingReference(expr: ts.Expression): boolean {
  const node = skipOuter(expr);
  const words = chainWords(node);
  return words.some((w) => w === 'console' || w === 'log' || w === 'logger' || w === 'noop');
}

// ---------------------------------------------------------------------------
// Suggestions: make the failure reach the broker

/** Where the handler catches the failure: a `catch` clause, or a `.catch` call's callback. */
type Catcher = { clause: ts.CatchClause; call?: undefined; fn?: undefined } | { call: ts.CallExpression; fn: ts.ArrowFunction | ts.FunctionExpression; clause?: undefined };

/**
 * By what the broker does with a failed message (the row): where returning commits it (Kafka,
 * BullMQ, sqs-consumer), rethrow; where only the handler settles it, fail it with the row's
 * call (amqplib, Pub/Sub, JetStream), or, with no such call (a raw SQS loop), skip the delete.
 */
function failureSuggestions(catcher: Catcher, handler: MessageHandler, file: ParsedFile): SuggestionReport[] {
  const block = catcher.clause ? catcher.clause.block : catcher.fn.body;
  if (handler.autoCommit) return [];
  if (handler.library.onReturn !== 'nothing') return rethrow(catcher, block, file);
  const guarded = catcher.clause ? catcher.clause.parent : catcher.call;
  // Settled already, or settled by a caller after this delegate returns: failing it too would settle it twice.
  if (!ts.isBlock(block) || committedBefore(handler, guarded, file.facts) || callerSettlesAfter(handler, file.facts)) return [];
  const commit = (node: ts.Node): boolean => ts.isCallExpression(node) && isCommitCall(node, handler, file.facts);
  const commitsInCatch = callsIn(block, commit);
  const commitsLater = findIn(handler.body, commit, guarded.end);
  const finallyEdits = catcher.clause ? finallyToTry(catcher.clause, handler, file) : [];
  if (!finallyEdits || (commitsLater && !catcher.clause)) return [];
  const { semicolon } = sourceStyle(file.sourceFile);
  const exit = commitsLater && !hasTerminator(block) ? exitFrom(guarded, handler) : '';
  if (exit === undefined) return [];
  const added = exit ? [`${exit}${semicolon}`] : [];
  const failCall = handler.library.failCall && fillCall(handler.library.failCall, settleNames(handler, file.facts));
  if (failCall) {
    const edits: TextEdit[] = commitsInCatch.map((call) => ({ start: call.getStart(file.sourceFile), end: call.end, text: failCall }));
    if (edits.length === 0) added.unshift(`${failCall}${semicolon}`);
    if (added.length > 0) {
      const append = appendStatements(block, added, file.sourceFile, { beforeExit: true });
      if (!append) return [];
      edits.push(append);
    }
    return [{ messageId: 'failMessage', data: { call: failCall }, fix: () => [...edits, ...finallyEdits] }];
  }
  // No call fails it: leaving it unsettled has it redelivered (an SQS message after its visibility timeout).
  const append = exit ? appendStatements(block, added, file.sourceFile, { beforeExit: true }) : undefined;
  const edits = append ? [append, ...finallyEdits] : finallyEdits;
  return commitsInCatch.length === 0 && edits.length > 0 ? [{ messageId: 'commitOnSuccess', fix: () => edits }] : [];
}

/**
 * `throw error` at the end of the catch, in place of a final `return` or `continue` (a throw
 * after it would never run); a catch without a binding gets one, a concise callback a block.
 */
function rethrow(catcher: Catcher, block: ts.Node, file: ParsedFile): SuggestionReport[] {
  const edits: TextEdit[] = [];
  let name: string;
  const binding = catcher.clause ? catcher.clause.variableDeclaration?.name : catcher.fn.parameters[0]?.name;
  if (binding) {
    if (!ts.isIdentifier(binding)) return [];
    name = binding.text;
  } else {
    name = 'error';
    const at = catcher.clause ? catcher.clause.getStart(file.sourceFile) + 'catch'.length : catcher.fn.parameters.pos;
    edits.push({ start: at, end: at, text: catcher.clause ? ' (error)' : 'error' });
  }
  const { semicolon } = sourceStyle(file.sourceFile);
  const statement = `throw ${name}${semicolon}`;
  let edit: TextEdit | undefined;
  if (ts.isBlock(block)) {
    const last = block.statements[block.statements.length - 1];
    const leaves = last && (ts.isReturnStatement(last) || ts.isContinueStatement(last));
    edit = leaves ? { start: last.getStart(file.sourceFile), end: last.end, text: statement } : appendStatements(block, [statement], file.sourceFile);
  } else {
    edit = { start: block.getStart(file.sourceFile), end: block.end, text: `{ ${block.getText(file.sourceFile)}${semicolon} ${statement} }` };
  }
  if (!edit) return [];
  edits.push(edit);
  return [{ messageId: 'rethrow', data: { error: name }, fix: () => edits }];
}

/** A caller that settles the message after the delegate returns: it would settle it twice. */
function callerSettlesAfter(handler: MessageHandler, facts: FileFacts): boolean {
  const caller = handler.caller;
  if (!caller) return false;
  const settles = (node: ts.Node): boolean => ts.isCallExpression(node) && (isCommitCall(node, caller.handler, facts) || isNegativeAck(node, caller.handler, facts));
  return findIn(caller.handler.body, settles, caller.call.end) || callerSettlesAfter(caller.handler, facts);
}

/** Calls in a node (not in nested functions) that pass the test. */
function callsIn(root: ts.Node, test: (node: ts.Node) => boolean): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  forEachNode(root, (node) => {
    if (ts.isCallExpression(node) && test(node) && !insideNestedFunction(node, root)) found.push(node);
  });
  return found;
}

/**
 * A `finally` that only acks runs after the failure too: its ack moves to the end of the try
 * block (when every path through it gets there). Undefined when it cannot; empty without one.
 */
function finallyToTry(clause: ts.CatchClause, handler: MessageHandler, file: ParsedFile): TextEdit[] | undefined {
  const tryStatement = clause.parent as ts.TryStatement;
  const finallyBlock = tryStatement.finallyBlock;
  if (!finallyBlock || !finallyCommits(tryStatement, handler, file.facts)) return [];
  const only = finallyBlock.statements.length === 1 ? finallyBlock.statements[0] : undefined;
  if (!only || !ts.isExpressionStatement(only) || exitsEarly(tryStatement.tryBlock.statements)) return undefined;
  const moved = appendStatements(tryStatement.tryBlock, [only.getText(file.sourceFile)], file.sourceFile, { beforeExit: true });
  return moved && [moved, { start: clause.end, end: finallyBlock.end, text: '' }];
}

/** The statement that leaves this message's handling from the node: `return` from the handler, `continue` in a loop body. */
function exitFrom(node: ts.Node, handler: MessageHandler): string | undefined {
  for (let current = node.parent; current && current !== handler.body; current = current.parent) {
    if (ts.isIterationStatement(current, false) || ts.isSwitchStatement(current) || ts.isFunctionLike(current)) return undefined;
  }
  return handler.fn ? 'return' : 'continue';
}

/** The names a row's fail call is written with: the message, and the channel the handler acks on. */
function settleNames(handler: MessageHandler, facts: FileFacts): { channel?: string; message?: string } {
  let ack: ts.CallExpression | undefined;
  forEachNode(handler.body, (node) => {
    if (!ack && ts.isCallExpression(node) && isAckCall(node, handler, facts)) ack = node;
  });
  const receiver = ack && receiverOf(ack);
  if (!ack || !receiver) return { message: [...handler.messages][0] };
  const message = isMessageRef(ack.arguments[0], handler) ? ack.arguments[0] : receiver;
  return { channel: receiver.getText(), message: message.getText() };
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    const index = messageHandlers(ctx.file);

    const checkCatchClause = (clause: ts.CatchClause): void => {
      const handler = index.handlerAt(clause);
      const tryStatement = clause.parent as ts.TryStatement;
      if (!handler || !doesMainWork(tryStatement.tryBlock, handler, facts) || handlesFailure(clause.block, handler, facts)) return;
      if (handler.caller && returnsResult(clause.block, handler) && resultIsUsed(handler.caller.call)) return;
      const committed = finallyCommits(tryStatement, handler, facts) || commitsAfter(handler, clause.block, tryStatement, hasTerminator(clause.block), facts);
      if (!committed) return;
      ctx.report({ node: clause, messageId: 'catchClause', data: { committed: handler.library.committedAnyway }, suggest: failureSuggestions({ clause }, handler, ctx.file) });
    };

    const checkCatchCall = (call: ts.CallExpression): void => {
      if (calleeName(call) !== 'catch' || call.arguments.length !== 1) return;
      const receiver = receiverOf(call);
      const handler = index.handlerAt(call);
      if (!receiver || !handler || !doesMainWork(receiver, handler, facts)) return;
      const callback = skipOuter(call.arguments[0]);
      let body: ts.Node;
      if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) body = callback.body;
      else if (isSwallowingReference(callback)) body = callback;
      else return;
      if (handlesFailure(body, handler, facts)) return;
      if (!commitsAfter(handler, body, call, false, facts)) return;
      const suggest = ts.isArrowFunction(callback) || ts.isFunctionExpression(callback) ? failureSuggestions({ call, fn: callback }, handler, ctx.file) : [];
      // Contract 1.4: at the `.catch` call, which in a chain split over lines is the `.catch` line, not the chain's first.
      const callee = skipOuter(call.expression);
      const start = ts.isPropertyAccessExpression(callee) ? callee.name.getStart(ctx.file.sourceFile) : call.getStart(ctx.file.sourceFile);
      ctx.report({ span: { start, end: call.getEnd() }, messageId: 'catchCall', data: { committed: handler.library.committedAnyway }, suggest });
    };

    return {
      on: {
        [SyntaxKind.CatchClause]: (node) => checkCatchClause(node as ts.CatchClause),
        [SyntaxKind.CallExpression]: (node) => checkCatchCall(node as ts.CallExpression),
      },
    };
  },
});
