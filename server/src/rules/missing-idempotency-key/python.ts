import { argument, callArguments, calleeName, calleeObject, dottedText, field, forEachDescendant, forEachInScope, keywordValue, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries, keywordState } from '../../analysis/python/arguments.js';
import { clientOfHeaders, pyHttpCalls, type PyHttpCall } from '../../analysis/python/http.js';
import { decoratorCalls, isCeleryTask, pyRetryLoops } from '../../analysis/python/retry.js';
import { PY_BACKOFF, PY_RETRY_POLICIES, PY_STRIPE, PY_TENACITY } from '../../models/python.js';

const STRIPE = PY_STRIPE[0];
const POLICIES = PY_RETRY_POLICIES[0];
const HEADER = 'idempotency-key';

/** A POST: `requests.post`, `session.post`, `request("POST", ...)`. */
function isPost(http: PyHttpCall, facts: PyFacts): boolean {
  const method = calleeName(http.call, facts.text);
  if (method === 'post') return true;
  return method === 'request' && stringValue(argument(http.call, 0, 'method', facts.text), facts.text)?.toUpperCase() === 'POST';
}

/** Whether a headers dict sends the key; undefined when the file does not show its keys. */
function hasKeyHeader(headers: PyNode, facts: PyFacts): boolean | undefined {
  const entries = dictEntries(facts.valueOf(headers), facts);
  return entries && [...entries.keys()].some((key) => key.toLowerCase() === HEADER);
}

/** The client a service is read from: `client` of `client.v1.charges`, `self.stripe` of `self.stripe.refunds`. */
function clientOf(service: PyNode, facts: PyFacts): PyNode | undefined {
  let current: PyNode | undefined = service;
  while (current?.type === 'attribute') {
    const object = field(current, 'object');
    if (object?.type === 'identifier' && facts.textOf(object) !== 'self') return object;
    if (object?.type === 'identifier') return current;
    current = object;
  }
  return current;
}

/**
 * The clients (their constructor calls) whose default headers the file gives the key:
 * `s.headers["Idempotency-Key"] = ...`, `s.headers.update({...})`, `s.headers.setdefault("Idempotency-Key", ...)`, `s.headers = {...}`.
 */
function clientsSendingKey(facts: PyFacts): Set<PyNode> {
  const clients = new Set<PyNode>();
  const add = (headers: PyNode | undefined) => {
    const client = clientOfHeaders(unwrap(headers), facts);
    if (client) clients.add(client);
  };
  for (const assignment of facts.ofType('assignment')) {
    const left = unwrap(field(assignment, 'left'));
    const right = field(assignment, 'right');
    if (left?.type === 'subscript' && stringValue(field(left, 'subscript'), facts.text)?.toLowerCase() === HEADER) add(field(left, 'value'));
    else if (left?.type === 'attribute' && right && hasKeyHeader(right, facts) === true) add(left);
  }
  for (const call of facts.ofType('call')) {
    const method = calleeName(call, facts.text);
    const given = callArguments(call, facts.text).positional[0];
    if (!given) continue;
    if ((method === 'update' && hasKeyHeader(given, facts) === true) || (method === 'setdefault' && stringValue(given, facts.text)?.toLowerCase() === HEADER)) add(calleeObject(call));
  }
  return clients;
}

/**
 * The code a retry helper runs again: functions whose whole body a decorator or a task option
 * retries, and the bodies of loops over a tenacity controller (`for attempt in Retrying(...): with attempt:`).
 */
function retriedScopes(facts: PyFacts): PyNode[] {
  const functions = facts.ofType('function_definition').filter((definition) => decoratorCalls(definition, facts).some(({ name, call }) => {
    if (name === PY_TENACITY[0].decorators[0] || PY_BACKOFF[0].decorators.includes(name)) return true;
    return call !== undefined && isCeleryTask(name, call, facts) && keywordState(call, 'autoretry_for', facts).kind === 'present';
  }));
  const controlled = facts.ofType('for_statement').filter((loop) => {
    const iterable = unwrap(facts.valueOf(field(loop, 'right')));
    return iterable?.type === 'call' && PY_TENACITY[0].controllers.includes(facts.qualify(field(iterable, 'function')) ?? '');
  });
  return [...functions, ...controlled.flatMap((loop) => field(loop, 'body') ?? [])];
}

/**
 * The sessions (their constructor calls) that mount an `HTTPAdapter(max_retries=Retry(...,
 * allowed_methods=[..., "POST"]))`: urllib3 then resends their POSTs (by default it leaves POST out).
 */
function sessionsRetryingPost(facts: PyFacts): Set<PyNode> {
  const sessions = new Set<PyNode>();
  for (const mount of facts.ofType('call')) {
    if (calleeName(mount, facts.text) !== 'mount') continue;
    const adapter = unwrap(facts.valueOf(argument(mount, 1, 'adapter', facts.text)));
    if (adapter?.type !== 'call' || !POLICIES.adapter.includes(facts.qualify(field(adapter, 'function')) ?? '')) continue;
    const retry = unwrap(facts.valueOf(keywordValue(adapter, 'max_retries', facts.text)));
    if (retry?.type !== 'call' || !POLICIES.retry.includes(facts.qualify(field(retry, 'function')) ?? '')) continue;
    const methods = POLICIES.methodKeywords.map((name) => facts.valueOf(keywordValue(retry, name, facts.text))).find((value) => value !== undefined);
    let retriesPost = false;
    if (methods) forEachDescendant(methods, (node) => !(retriesPost ||= stringValue(node, facts.text)?.toUpperCase() === 'POST'));
    const session = facts.instanceOf(calleeObject(mount))?.call;
    if (retriesPost && session) sessions.add(session);
  }
  return sessions;
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  // Stripe: money-moving creations without idempotency_key.
  for (const call of facts.ofType('call')) {
    const name = facts.qualify(field(call, 'function')) ?? '';
    if (STRIPE.resources.includes(name)) {
      if (keywordState(call, STRIPE.keyword, facts).kind === 'missing') ctx.report({ node: call, messageId: 'pyMoneyWithoutKey', data: { call: facts.textOf(field(call, 'function')!), keyOption: '`idempotency_key=...`' } });
      continue;
    }
    // StripeClient: client.charges.create(...), client.v1.payment_intents.create(...)
    if (calleeName(call, facts.text) !== 'create') continue;
    const service = calleeObject(call);
    const serviceName = dottedText(service, facts.text)?.split('.').pop() ?? '';
    if (!STRIPE.clientServices.includes(serviceName)) continue;
    const made = service?.type === 'attribute' ? facts.instanceOf(clientOf(service, facts)) : undefined;
    if (!made || !STRIPE.client.includes(made.name)) continue;
    const options = keywordState(call, 'options', facts);
    const key = options.kind === 'present' ? dictEntries(facts.valueOf(options.value), facts)?.has(STRIPE.keyword) ?? true : options.kind === 'unknown';
    if (!key) ctx.report({ node: call, messageId: 'pyMoneyWithoutKey', data: { call: facts.textOf(field(call, 'function')!), keyOption: '`options={"idempotency_key": ...}`' } });
  }

  const posts = pyHttpCalls(facts).filter((http) => http.kind === 'request' && isPost(http, facts));
  if (posts.length === 0) return;
  const keyedClients = clientsSendingKey(facts);
  // A client's default headers (`httpx.AsyncClient(headers={...})`) go with each of its requests.
  const sendsKey = (call: PyNode | undefined) => {
    const headers = call ? keywordState(call, 'headers', facts) : undefined;
    return headers?.kind === 'unknown' || (headers?.kind === 'present' && hasKeyHeader(headers.value, facts) !== false);
  };
  const check = (http: PyHttpCall, messageId: 'postInRetryLoop' | 'postInRetryHelper') => {
    if ((http.client && keyedClients.has(http.client)) || sendsKey(http.call) || sendsKey(http.client)) return;
    ctx.report({ node: http.call, messageId, data: { request: facts.textOf(field(http.call, 'function')!) } });
  };
  const reported = new Set<PyNode>();
  for (const retry of pyRetryLoops(facts)) {
    for (const http of posts) {
      if (!reported.has(http.call) && retry.loop.start <= http.call.start && http.call.end <= retry.loop.end) {
        reported.add(http.call);
        check(http, 'postInRetryLoop');
      }
    }
  }
  const retryingSessions = sessionsRetryingPost(facts);
  for (const http of posts) {
    if (!reported.has(http.call) && http.client && retryingSessions.has(http.client)) {
      reported.add(http.call);
      check(http, 'postInRetryHelper');
    }
  }
  for (const scope of retriedScopes(facts)) {
    const inside = new Set<PyNode>();
    forEachInScope(scope, (node) => {
      if (node.type === 'call') inside.add(node);
    });
    for (const http of posts) {
      if (!reported.has(http.call) && inside.has(http.call)) {
        reported.add(http.call);
        check(http, 'postInRetryHelper');
      }
    }
  }
}
