/**
 * "Is this call a network call?" for the retry rules. Broader than `classifyHttpCall`:
 * a retry loop is judged by its shape first, so a method call on something that is
 * evidently a remote client (`this.apiClient.send`, `stripe.charges.create`,
 * `amqp.connect`) counts too, as do new WebSocket / EventSource connections.
 */
import { ts } from '../engine/ts.js';
import { calleeName, dottedName, lookupProperty, stringValue } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { splitWords } from '../secrets/words.js';
import { classifyHttpCall } from './http-clients.js';

/** Modules whose exports (and the instances they build) talk to a remote service. */
const NETWORK_MODULE = /^(stripe|twilio|amqplib|amqplib\/callback_api|kafkajs|ioredis|redis|pg|mysql2?|mongodb|mongoose|ws|socket\.io-client|nats|mqtt|nodemailer|@aws-sdk\/.*|aws-sdk|@google-cloud\/.*|@octokit\/.*|@sendgrid\/.*|@slack\/.*|openai|@anthropic-ai\/sdk|graphql-request|@apollo\/client|request|request-promise|node-fetch|undici|got|ky|axios|superagent|needle|ofetch|redaxios|bullmq)$/;

/** Words in a receiver's name that say it is a remote client. */
const CLIENT_WORDS = new Set(['client', 'api', 'http', 'https', 'stripe', 'axios', 'sdk', 'gateway', 'rest', 'graphql', 'octokit', 'twilio', 'sqs', 'sns', 's3', 'producer', 'transport', 'mailer', 'webhook', 'rpc', 'grpc', 'remote', 'upstream']);

/** Words in a function's own name that say it calls out. */
const CALLING_WORDS = new Set(['fetch', 'api', 'http', 'https', 'webhook', 'upload', 'download', 'rpc', 'graphql', 'remote', 'upstream', 'endpoint']);
const CALLING_FIRST_WORDS = new Set(['post', 'send', 'call', 'request', 'submit', 'notify', 'publish', 'charge', 'sync', 'push']);

const CONNECTION_CLASSES = new Set(['WebSocket', 'EventSource', 'WebSocketStream']);
/**
 * Calls that set up a server to accept connections (`http.createServer`, `server.listen(port)`,
 * `app.listen`): binding a local port is no call to a remote service, so trying the next port
 * after EADDRINUSE is no retry (contract 1.1).
 */
const LISTENING_CALLS = new Set(['createServer', 'createSecureServer', 'listen']);

export type CallLike = ts.CallExpression | ts.NewExpression;

function moduleOf(expr: ts.Expression, facts: FileFacts, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const ref = facts.resolve(expr);
  if (ref) return ref.module;
  const value = facts.valueOf(expr);
  if (!value || value === skipOuter(expr)) {
    const node = skipOuter(expr);
    // A member, a call result or an instance is as remote as what it comes from.
    const isDerived = ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node);
    return isDerived ? moduleOf(node.expression, facts, depth + 1) : undefined;
  }
  return moduleOf(value, facts, depth + 1);
}

function namesClient(name: string): boolean {
  return splitWords(name).some((word) => CLIENT_WORDS.has(word));
}

/** The last name of a receiver chain: `apiClient` for `this.apiClient`, `stripe` for `stripe.charges`. */
function receiverNames(expr: ts.Expression): string[] {
  const names: string[] = [];
  let node: ts.Expression = skipOuter(expr);
  for (;;) {
    if (ts.isIdentifier(node)) {
      names.push(node.text);
      return names;
    }
    if (ts.isPropertyAccessExpression(node)) {
      names.push(node.name.text);
      node = skipOuter(node.expression);
      continue;
    }
    if (ts.isCallExpression(node)) {
      node = skipOuter(node.expression);
      continue;
    }
    return names;
  }
}

/** True when a call's own name says it calls out (`fetchOrders`, `postJson`, `sendWebhook`). */
export function nameSaysNetwork(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name);
  if (words.length === 0) return false;
  return CALLING_FIRST_WORDS.has(words[0]) || words.some((word) => CALLING_WORDS.has(word));
}

/** A connection that is meant to stay open: a reconnect loop goes round it. */
export function isConnectionCall(call: CallLike): boolean {
  if (ts.isNewExpression(call)) return ts.isIdentifier(call.expression) && CONNECTION_CLASSES.has(call.expression.text);
  const name = calleeName(call);
  if (!name) return false;
  const words = splitWords(name);
  return words.includes('connect') || words.includes('reconnect') || (words[0] === 'create' && words.includes('connection'));
}

/**
 * True when a call (or `new`) talks to a remote service: an HTTP library call, a call on
 * a module or instance of a network library, a method on a client-named receiver, or a
 * function whose name says it calls out.
 */
export function isNetworkCall(call: CallLike, facts: FileFacts): boolean {
  if (ts.isNewExpression(call)) {
    if (isConnectionCall(call)) return true;
    return false;
  }
  if (classifyHttpCall(call, facts)?.kind === 'request') return true;
  if (LISTENING_CALLS.has(calleeName(call) ?? '')) return false;
  const callee = skipOuter(call.expression);
  const module = moduleOf(callee, facts);
  if (module && NETWORK_MODULE.test(module)) return true;
  if (ts.isPropertyAccessExpression(callee)) {
    const receivers = receiverNames(callee.expression);
    if (receivers.some(namesClient)) return true;
    if (isConnectionCall(call)) return true;
    return nameSaysNetwork(callee.name.text) && receivers.some((name) => name === 'this' || namesClient(name));
  }
  if (ts.isIdentifier(callee)) return nameSaysNetwork(callee.text) || isConnectionCall(call);
  return false;
}

/** How messages name a retried call: `fetch`, `axios.post`, `this.client.send`, `new WebSocket`. */
export function requestName(call: CallLike): string {
  const callee = skipOuter(call.expression);
  // `got(url).json()` is named after the request, not the body reader chained onto it.
  if (ts.isPropertyAccessExpression(callee) && ts.isCallExpression(skipOuter(callee.expression))) return requestName(skipOuter(callee.expression) as ts.CallExpression);
  const name = dottedName(callee) ?? 'the request';
  return ts.isNewExpression(call) ? `new ${name}` : name;
}

/** What the POST check needs: where the request's headers live. */
export interface PostRequest {
  call: ts.CallExpression;
  name: string;
  /** The options argument holding `headers`; undefined when the call passes none. */
  options: ts.Expression | undefined;
  /** Where the options argument goes (for a fix that adds one). */
  optionsIndex: number;
  /** Superagent-style chains set headers with `.set(...)` on the call's result. */
  chained: boolean;
}

const AXIOS_LIKE_POST = new Set(['post', 'postForm']);

function upper(expr: ts.Expression | undefined, facts: FileFacts): string | undefined {
  if (!expr) return undefined;
  const value = facts.valueOf(expr);
  return stringValue(value ?? expr)?.toUpperCase();
}

/** The method an options object names, or undefined when it names none or the file cannot show it. */
function optionsMethod(options: ts.Expression | undefined, facts: FileFacts): string | undefined {
  const lookup = lookupProperty(options, 'method', facts);
  return lookup.kind === 'present' ? upper(lookup.value, facts) : undefined;
}

/**
 * An HTTP POST the file shows: a recognised library call whose method is POST, or
 * `.post(url, body, config)` on a client-named receiver.
 */
export function postRequest(call: ts.CallExpression, facts: FileFacts): PostRequest | undefined {
  const http = classifyHttpCall(call, facts);
  if (http?.kind === 'request') {
    const method = http.method ?? optionsMethod(http.options, facts);
    if (method !== 'POST') return undefined;
    return { call, name: dottedName(call.expression) ?? http.name, options: http.options, optionsIndex: http.optionsIndex, chained: http.library === 'superagent' };
  }
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !AXIOS_LIKE_POST.has(callee.name.text)) return undefined;
  if (!receiverNames(callee.expression).some(namesClient)) return undefined;
  const receiver = dottedName(callee.expression) ?? 'client';
  return { call, name: `${receiver}.post`, options: call.arguments[2], optionsIndex: 2, chained: false };
}
