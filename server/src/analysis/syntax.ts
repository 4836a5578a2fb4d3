import { ts } from '../engine/ts.js';
import { calleeName, dottedName, sourceFileOf } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { splitWords } from '../secrets/words.js';
import type { Evidence, SdkCall } from '../models/messaging.js';

/** Syntax facts about calls and names that the messaging analyses and rules share. */

const LOGGING_WORDS = new Set(['console', 'log', 'logger', 'logging', 'debug', 'info', 'warn', 'warning', 'error', 'trace', 'tracer', 'span', 'sentry', 'capture']);
const METRICS_WORDS = new Set(['metrics', 'metric', 'stats', 'statsd', 'telemetry', 'histogram', 'counter', 'gauge']);

/** The identifier a property chain starts from: `msg` for `msg.content.toString()`. */
export function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let node = skipOuter(expr);
  for (;;) {
    if (ts.isIdentifier(node)) return node;
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
    else if (ts.isCallExpression(node)) node = skipOuter(node.expression);
    else return undefined;
  }
}

/** The receiver of a method call: `channel` for `channel.ack(msg)`. */
export function receiverOf(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
}

/** Lower-case words of every name in an expression chain: `this.ordersDlq.send` → [this, orders, dlq, send]. */
export function chainWords(expr: ts.Expression | undefined): string[] {
  if (!expr) return [];
  const dotted = dottedName(expr);
  if (dotted !== undefined) return splitWords(dotted);
  const sourceFile = sourceFileOf(expr);
  const { text } = sourceFile;
  const start = expr.getStart(sourceFile);
  if (expr.end - start <= 2 * CHAIN_END_CHARS) return splitWords(text.slice(start, expr.end));
  // Each end loses the word the cut may split.
  return [...splitWords(text.slice(start, start + CHAIN_END_CHARS)).slice(0, -1), ...splitWords(text.slice(expr.end - CHAIN_END_CHARS, expr.end)).slice(1)];
}

/**
 * A long chain is read at its two ends only: its root and its last names say what it is, and a
 * 10,000-link chain must not be read whole once per call in it.
 */
const CHAIN_END_CHARS = 160;

/** A logging, metrics or tracing call: its callee chain names a logger. */
export function isLoggingCall(call: ts.CallExpression): boolean {
  return chainWords(call.expression).some((word) => LOGGING_WORDS.has(word) || METRICS_WORDS.has(word));
}

/** A call whose chain names metrics and no logger (`recordMetric`, `statsd.gauge`): a metrics writer may be the work itself. */
export function isMetricsCall(call: ts.CallExpression): boolean {
  const words = chainWords(call.expression);
  return words.some((word) => METRICS_WORDS.has(word)) && !words.some((word) => LOGGING_WORDS.has(word));
}

export function hasDecorator(node: ts.HasDecorators, name: string): boolean {
  return (ts.getDecorators(node) ?? []).some((decorator) => {
    const expr = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    return dottedName(expr)?.split('.').pop() === name;
  });
}

/** The class name of an AWS SDK v3 command passed to `send`, followed through a const. */
export function commandName(arg: ts.Expression | undefined, facts: FileFacts): string | undefined {
  if (!arg) return undefined;
  const value = facts.valueOf(arg);
  if (!value || !ts.isNewExpression(value)) return undefined;
  const callee = skipOuter(value.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The call is the client call a row describes: its method, given its command when it names one. */
export function isSdkCall(call: ts.CallExpression, shape: SdkCall, facts: FileFacts): boolean {
  return calleeName(call) === shape.method && (shape.command === undefined || commandName(call.arguments[0], facts) === shape.command);
}

/** For `request.promise()` (AWS SDK v2): the call that built the request. */
export function promisedRequest(call: ts.CallExpression): ts.CallExpression | undefined {
  if (calleeName(call) !== 'promise') return undefined;
  const receiver = receiverOf(call);
  const inner = receiver && skipOuter(receiver);
  return inner && ts.isCallExpression(inner) ? inner : undefined;
}

/** The receiver is the (awaited) result of a call to one of the factories: `pubsub.topic(name)`, `await nc.jetstream()`. */
export function madeBy(receiver: ts.Expression, factories: readonly string[], facts: FileFacts): boolean {
  let value = facts.valueOf(receiver) ?? skipOuter(receiver);
  if (ts.isAwaitExpression(value)) value = skipOuter(value.expression);
  return ts.isCallExpression(value) && factories.includes(calleeName(value) ?? '');
}

/** The file imports one of the modules. */
export function importsAny(modules: readonly string[], facts: FileFacts): boolean {
  return modules.some((module) => facts.importedModules.has(module));
}

/** The receiver's name shows the evidence's words (any of `receiverWords`, or `receiverEndsWith` last) and none of `notReceiverWords`. */
export function receiverNamed(evidence: Evidence, receiver: ts.Expression): boolean {
  if (!evidence.receiverWords && !evidence.receiverEndsWith) return false;
  const words = chainWords(receiver);
  if (evidence.notReceiverWords?.some((word) => words.includes(word))) return false;
  return !!evidence.receiverWords?.some((word) => words.includes(word)) || !!evidence.receiverEndsWith?.includes(words[words.length - 1]);
}
