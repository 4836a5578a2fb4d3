/**
 * Idempotency keys: whether a request carries one (an `Idempotency-Key` header, or a
 * client's key option), the money-moving calls of `models/idempotency.ts` that need one,
 * and which POSTs a retry library installed on a client sends again.
 */
import { ts } from '../engine/ts.js';
import { dottedName, forEachNode, lookupProperty, propertyName, stringValue } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { MONEY_MOVING_APIS, type MoneyMovingApi } from '../models/idempotency.js';
import type { ClientInstallation, RetryLibrary } from '../models/retry-libraries.js';
import { splitWords } from '../secrets/words.js';
import { chainedCalls, classifyHttpCall } from './http-clients.js';
import { resolveCallee, returnedValues } from './functions.js';
import type { PostRequest } from './network-calls.js';

const IDEMPOTENCY_HEADER = /idempotency/i;

function headersNameIdempotency(headers: ts.Expression, facts: FileFacts, depth = 0): 'yes' | 'no' | 'unknown' {
  if (depth > 4) return 'unknown';
  const value = facts.valueOf(headers);
  if (!value) return 'unknown';
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'Headers') {
    const init = value.arguments?.[0];
    return init ? headersNameIdempotency(init, facts, depth + 1) : 'no';
  }
  if (ts.isArrayLiteralExpression(value)) {
    for (const entry of value.elements) {
      if (!ts.isArrayLiteralExpression(entry)) return 'unknown';
      const name = stringValue(entry.elements[0]);
      if (name === undefined) return 'unknown';
      if (IDEMPOTENCY_HEADER.test(name)) return 'yes';
    }
    return 'no';
  }
  if (ts.isCallExpression(value)) return helperHeaders(value, facts, depth);
  if (!ts.isObjectLiteralExpression(value)) return 'unknown';
  let verdict: 'yes' | 'no' | 'unknown' = 'no';
  for (const prop of value.properties) {
    if (ts.isSpreadAssignment(prop)) {
      const inner = headersNameIdempotency(prop.expression, facts, depth + 1);
      if (inner === 'yes') return 'yes';
      if (inner === 'unknown') verdict = 'unknown';
      continue;
    }
    const name = propertyName(prop.name);
    if (name === undefined) verdict = 'unknown';
    else if (IDEMPOTENCY_HEADER.test(name)) return 'yes';
  }
  return verdict;
}

/**
 * `headers: authHeaders()` of a same-file `function authHeaders() { return { … } }`: the file
 * shows the headers when it shows every value the helper returns (contract: only what cannot be
 * resolved inside the file is unknown).
 */
function helperHeaders(call: ts.CallExpression, facts: FileFacts, depth: number): 'yes' | 'no' | 'unknown' {
  const helper = resolveCallee(call, facts);
  const returned = helper ? returnedValues(helper) : [];
  if (returned.length === 0) return 'unknown';
  let verdict: 'yes' | 'no' | 'unknown' = 'no';
  for (const value of returned) {
    const inner = value ? headersNameIdempotency(value, facts, depth + 1) : 'unknown';
    if (inner === 'yes') return 'yes';
    if (inner === 'unknown') verdict = 'unknown';
  }
  return verdict;
}

/** True when the file shows a value is a plain object, which a copy can spread: an object literal, or a same-file helper's call returning one on every path. */
export function isPlainObject(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const value = facts.valueOf(expr);
  if (!value || depth > 4) return false;
  if (ts.isObjectLiteralExpression(value)) return true;
  const helper = ts.isCallExpression(value) ? resolveCallee(value, facts) : undefined;
  const returned = helper ? returnedValues(helper) : [];
  return returned.length > 0 && returned.every((inner) => inner !== undefined && isPlainObject(inner, facts, depth + 1));
}

/** Whether a POST sends an idempotency header: 'unknown' when the file cannot show its headers. */
export function sendsIdempotencyHeader(post: PostRequest, facts: FileFacts): 'yes' | 'no' | 'unknown' {
  if (post.chained) {
    for (const link of chainedCalls(post.call)) {
      if (link.name !== 'set') continue;
      const [first] = link.call.arguments;
      const name = stringValue(first);
      if (name !== undefined && IDEMPOTENCY_HEADER.test(name)) return 'yes';
      if (name === undefined) {
        const verdict = first ? headersNameIdempotency(first, facts) : 'no';
        if (verdict !== 'no') return verdict;
      }
    }
  }
  if (!post.options) return 'no';
  const options = facts.valueOf(post.options);
  if (!options || !ts.isObjectLiteralExpression(options)) return 'unknown';
  const lookup = lookupProperty(options, 'headers', facts);
  if (lookup.kind === 'unknown') return 'unknown';
  if (lookup.kind === 'missing') return 'no';
  return lookup.value ? headersNameIdempotency(lookup.value, facts) : 'unknown';
}

/** A word of the receiver's name, or where it comes from, says it is the API's client. */
function isClientOf(api: MoneyMovingApi, receiver: ts.Expression, facts: FileFacts, depth = 0): boolean {
  if (depth > 4) return false;
  const node = skipOuter(receiver);
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  if (name && splitWords(name).includes(api.clientWord)) return true;
  const fromApi = (expr: ts.Expression): boolean => api.modules.includes(facts.resolve(expr)?.module ?? '');
  if (fromApi(node)) return true;
  if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && fromApi(node.expression)) return true;
  const value = facts.valueOf(node);
  return !!value && value !== node && isClientOf(api, value, facts, depth + 1);
}

export interface MoneyMovingCall {
  api: MoneyMovingApi;
  /** The resource the call moves money on: `paymentIntents` of `stripe.paymentIntents.create`. */
  resource: string;
}

/** `stripe.paymentIntents.create(...)`: a call that moves money, on a client the file shows is the API's. */
export function moneyMovingCall(call: ts.CallExpression, facts: FileFacts): MoneyMovingCall | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const resource = skipOuter(callee.expression);
  if (!ts.isPropertyAccessExpression(resource)) return undefined;
  const api = MONEY_MOVING_APIS.find((row) => row.method === callee.name.text && row.resources.includes(resource.name.text));
  if (!api) return undefined;
  const isApi = api.modules.some((module) => facts.importedModules.has(module)) || isClientOf(api, resource.expression, facts);
  return isApi ? { api, resource: resource.name.text } : undefined;
}

/** Whether the request options (the last argument, after the params) carry an idempotency key. */
export function idempotencyKeyState(call: ts.CallExpression, api: MoneyMovingApi, facts: FileFacts): 'present' | 'missing' | 'unknown' {
  if (call.arguments.some((arg) => ts.isSpreadElement(arg))) return 'unknown';
  if (call.arguments.length < 2) return 'missing';
  const optionsIndex = call.arguments.length - 1;
  const options = call.arguments[optionsIndex];
  const key = lookupProperty(options, api.keyOption, facts);
  if (key.kind !== 'missing') return key.kind;
  const headers = sendsIdempotencyHeader({ call, name: '', options, optionsIndex, chained: false }, facts);
  return headers === 'yes' ? 'present' : headers === 'unknown' ? 'unknown' : 'missing';
}

/** True when a retry condition lets the library retry a POST. */
export function conditionRetriesPost(condition: ts.Expression, installedOn: ClientInstallation, library: RetryLibrary, facts: FileFacts): boolean {
  const ref = facts.resolve(condition);
  const idempotentOnly = new Set(installedOn.idempotentOnlyConditions);
  if (ref && library.modules.includes(ref.module)) return ref.path.length === 1 && !idempotentOnly.has(ref.path[0]);
  const fn = facts.valueOf(condition);
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  let mentionsPost = false;
  let restricted = false;
  forEachNode(fn.body, (node) => {
    if (ts.isStringLiteralLike(node) && node.text.toLowerCase() === 'post') mentionsPost = true;
    if (ts.isIdentifier(node) && (node.text === 'method' || idempotentOnly.has(node.text))) restricted = true;
  });
  return mentionsPost || !restricted;
}

/** The client a retry library is installed on: the client module's default (by its module name), or an instance by its dotted name. */
export function retriedClient(call: ts.CallExpression, installedOn: ClientInstallation, facts: FileFacts): string | undefined {
  const client = call.arguments[installedOn.clientArgument];
  if (!client) return undefined;
  const ref = facts.resolve(client);
  if (ref?.module === installedOn.clientModule && ref.path.length === 0) return installedOn.clientModule;
  return dottedName(client);
}

/** The client a POST is sent with, named as `retriedClient` names it. */
export function postClient(post: PostRequest, clientModules: ReadonlySet<string>, facts: FileFacts): string | undefined {
  const http = classifyHttpCall(post.call, facts);
  if (http?.kind === 'request' && clientModules.has(http.library) && !http.instance) return http.library;
  const callee = skipOuter(post.call.expression);
  return dottedName(ts.isPropertyAccessExpression(callee) ? callee.expression : callee);
}
