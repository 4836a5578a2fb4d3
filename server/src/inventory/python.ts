/**
 * A Python file's part of the integration map, in the shape of the JS part (collect.ts): read
 * from what the Python checks compute for the parse (HTTP calls, retry loops, POST views,
 * message handlers, publish rows) and the findings they made. Library knowledge stays in the
 * rows of models/python.ts. Runs after the rules, under the same time budget.
 */
import { callArguments, calleeName, calleeObject, definitionHead, definitionStatement, enclosingFunction, field, forEachInScope, isKeywordFalse, isKeywordTrue, namedChildren, stringValue, unwrap } from '../engine/python/ast.js';
import type { PyFacts } from '../engine/python/facts.js';
import type { PyNode } from '../engine/python/tree.js';
import { tick } from '../engine/deadline.js';
import { lineStarts, positionAt } from '../engine/lines.js';
import type { PythonFile } from '../engine/rule.js';
import type { Finding } from '../engine/types.js';
import { dictEntries, keywordState } from '../analysis/python/arguments.js';
import { pyHttpCalls, pyPassedInClientCalls, type PyHttpCall } from '../analysis/python/http.js';
import { nackRequeues, pyMessageHandlers, type PyMessageHandler } from '../analysis/python/message-handlers.js';
import { publishRowOf } from '../analysis/python/publishes.js';
import { decoratorCalls, isCeleryTask, isConstantDelay, pyRetryLoops } from '../analysis/python/retry.js';
import { isWebhookView, pyPostViews, type PyPostView } from '../analysis/python/webhook-views.js';
import { PY_BACKOFF, PY_CONSUMERS, PY_PROVIDER_SDKS, PY_PUBLISHES, PY_RABBITMQ, PY_SETTING_READERS, PY_STRIPE, PY_TENACITY, PY_WEB_FRAMEWORKS, PY_WEBHOOK_VERIFIERS, type PyAckMode } from '../models/python.js';
import { WEBHOOK_PROVIDERS } from '../models/webhooks.js';
import { isCredentialName } from '../secrets/words.js';
import { targetText, type CredentialEntry, type MapRange, type SafeguardState, type SiteFinding, type Target } from '../shared/inventory.js';
import { providerOf, systemOfTarget } from './collect.js';
import type { FileEntry, FileInventory } from './index.js';
import { SAFEGUARD_RULES } from './safeguards.js';
import { continued, joinBase, publicText, withHost } from './targets.js';

/** How deep a target is followed through names, f-strings and concatenations. */
const MAX_DEPTH = 6;
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const VERIFIERS = new Set(PY_WEBHOOK_VERIFIERS.flatMap((row) => row.verifiers));
const RETRY_DECORATORS = new Set([...PY_TENACITY.flatMap((row) => row.decorators), ...PY_BACKOFF.flatMap((row) => row.decorators)]);
const CONSTANT_WAITS = new Set([...PY_TENACITY.flatMap((row) => row.constantWaits), ...PY_BACKOFF.flatMap((row) => row.constantWaits)]);
const [STRIPE] = PY_STRIPE;
/** How a publish row's methods report: awaited coroutines, kept futures, delivery callbacks, confirmed on return. */
const PUBLISH_KINDS = ['coroutines', 'futures', 'callbackRequired', 'confirmed'] as const;
type PublishLists = Partial<Record<(typeof PUBLISH_KINDS)[number], readonly string[]>>;
const [RABBIT] = PY_RABBITMQ;

class PySites {
  private starts: number[] | undefined;

  constructor(
    private readonly file: PythonFile,
    private readonly findings: readonly Finding[],
  ) {}

  /** The node's first line. */
  range(node: PyNode): MapRange {
    this.starts ??= lineStarts(this.file.text);
    const { line } = positionAt(this.starts, node.start);
    const lineEnd = (this.starts[line + 1] ?? this.file.text.length + 1) - 1;
    return { start: positionAt(this.starts, node.start), end: positionAt(this.starts, Math.max(node.start, Math.min(node.end, lineEnd))) };
  }

  /** The findings starting within any of the nodes, once each. */
  findingsOn(...nodes: Array<PyNode | undefined>): SiteFinding[] {
    const spans = nodes.filter((node): node is PyNode => node !== undefined);
    return this.findings.filter((finding) => spans.some((node) => finding.start >= node.start && finding.start < node.end)).map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
  }

  /** The findings of some rules in a function's code after a node (a body read long after the request). */
  findingsAfter(node: PyNode, scope: PyNode, rules: readonly string[], startsWith: string): SiteFinding[] {
    return this.findings
      .filter((finding) => rules.includes(finding.ruleId) && finding.start >= node.end && finding.start < scope.end && this.file.text.startsWith(startsWith, finding.start))
      .map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
  }

  site(node: PyNode, findings: SiteFinding[]) {
    return [{ uri: '', range: this.range(node), findings }];
  }
}

function has(findings: readonly SiteFinding[], rules: readonly string[]): boolean {
  return findings.some((finding) => rules.includes(finding.ruleId));
}

function judged(findings: readonly SiteFinding[], rules: readonly string[], shown: SafeguardState): SafeguardState {
  return has(findings, rules) ? 'missing' : shown;
}

function merged(...lists: SiteFinding[][]): SiteFinding[] {
  const all: SiteFinding[] = [];
  for (const finding of lists.flat()) if (!all.some((other) => other.ruleId === finding.ruleId && other.message === finding.message)) all.push(finding);
  return all;
}

/** The setting a name is read from: `os.environ["X"]`, `os.getenv("X")`, decouple's `config("X")`. */
function settingRead(node: PyNode, facts: PyFacts): { name: string; source: 'env' | 'config' } | undefined {
  if (node.type === 'subscript') {
    const mapping = facts.qualify(field(node, 'value'));
    const row = PY_SETTING_READERS.find((reader) => reader.mappings.includes(mapping ?? ''));
    const name = row && stringValue(field(node, 'subscript'), facts.text);
    return row && name !== undefined ? { name, source: row.source } : undefined;
  }
  if (node.type !== 'call') return undefined;
  const qualified = facts.qualify(field(node, 'function')) ?? '';
  const row = PY_SETTING_READERS.find((reader) => reader.names.includes(qualified) && facts.importsAny(reader.modules));
  const name = row && stringValue(callArguments(node, facts.text).positional[0], facts.text);
  return row && name !== undefined ? { name, source: row.source } : undefined;
}

/** Where a URL expression goes: a literal, an f-string's or a concatenation's start, a setting it is read from, a name bound to one of these. */
function targetOf(expr: PyNode | undefined, facts: PyFacts, depth = 0): Target {
  const node = unwrap(expr);
  if (!node || depth > MAX_DEPTH) return { kind: 'unknown' };
  const setting = settingRead(node, facts);
  if (setting) return setting.source === 'env' ? { kind: 'env', name: setting.name } : { kind: 'config', key: setting.name };
  switch (node.type) {
    case 'string': {
      let text = '';
      for (const child of node.children) {
        if (child.type === 'interpolation') return text === '' ? continued(targetOf(field(child, 'expression') ?? namedChildren(child)[0], facts, depth + 1), '') : withHost('prefix', text);
        if (child.type === 'string_content' || child.type === 'escape_sequence') text += facts.textOf(child);
      }
      return withHost('url', text);
    }
    case 'concatenated_string':
    case 'binary_operator': {
      const left = node.type === 'binary_operator' ? field(node, 'left') : namedChildren(node)[0];
      return continued(targetOf(left, facts, depth + 1), '');
    }
    case 'boolean_operator': {
      const left = targetOf(field(node, 'left'), facts, depth + 1);
      return left.kind === 'unknown' ? targetOf(field(node, 'right'), facts, depth + 1) : left;
    }
    case 'identifier':
    case 'attribute': {
      const value = facts.valueOf(node);
      return value && value !== node ? targetOf(value, facts, depth + 1) : { kind: 'unknown' };
    }
    default:
      return { kind: 'unknown' };
  }
}

/** The method of a request and where its URL is: `session.post(url)`, `requests.request("POST", url)`, `pool.request("GET", url)`. */
function methodAndUrl(http: PyHttpCall, facts: PyFacts): { method?: string; url?: PyNode } {
  const name = calleeName(http.call, facts.text) ?? '';
  const args = callArguments(http.call, facts.text);
  const keyword = (word: string) => field(args.keywords.get(word), 'value');
  if (http.model.methodFirst?.includes(name)) {
    const method = stringValue(facts.valueOf(args.positional[0] ?? keyword('method')), facts.text)?.toUpperCase();
    return { method, url: args.positional[1] ?? keyword(http.model.url?.keyword ?? 'url') };
  }
  const url = http.model.url ? args.positional[http.model.url.index] ?? keyword(http.model.url.keyword) : undefined;
  return { method: VERBS.has(name) ? name.toUpperCase() : undefined, url };
}

/** The request's target joined to its client's base URL (`httpx.Client(base_url=...)`) or host (`HTTPSConnection("api.x.com")`). */
function requestTarget(http: PyHttpCall, url: PyNode | undefined, facts: PyFacts): Target {
  const path = targetOf(url, facts);
  const client = http.client;
  if (!client || (path.kind === 'url' && path.host)) return path;
  const args = callArguments(client, facts.text);
  const { model } = http;
  const host = model.clientHost && (args.positional[model.clientHost.index] ?? field(args.keywords.get(model.clientHost.keyword), 'value'));
  const scheme = model.clientHost?.schemes[facts.qualify(field(client, 'function')) ?? ''];
  if (host && scheme) {
    const name = stringValue(facts.valueOf(host), facts.text);
    if (name !== undefined) return joinBase(withHost('url', `${scheme}://${name}`), path);
    // A host read from a setting is the setting; one the file does not show is no target, not the same origin.
    const base = targetOf(host, facts);
    return base.kind === 'env' || base.kind === 'config' ? base : { kind: 'unknown' };
  }
  const base = model.baseUrl?.map((word) => field(args.keywords.get(word), 'value')).find((value) => value !== undefined) ?? (model.clientUrlIndex !== undefined ? args.positional[model.clientUrlIndex] : undefined);
  return base ? joinBase(targetOf(base, facts), path) : path;
}

function timeoutShown(http: PyHttpCall, facts: PyFacts): SafeguardState {
  if (http.model.timeoutDefault === 'finite') return 'present';
  if (keywordState(http.call, 'timeout', facts, http.model.timeoutIndex).kind === 'present') return 'present';
  return http.client && keywordState(http.client, 'timeout', facts).kind === 'present' ? 'present' : 'unknown';
}

/** The name a request's response is kept in (`r = requests.get(...)`, `r = await client.get(...)`). */
function responseName(call: PyNode, facts: PyFacts): string | undefined {
  let node = call;
  while (node.parent && (node.parent.type === 'await' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const assignment = node.parent;
  const left = assignment?.type === 'assignment' && node.field === 'right' ? field(assignment, 'left') : undefined;
  if (left?.type === 'identifier') return facts.textOf(left);
  // `with session.get(url) as r:` / `async with ...`
  const pattern = node.parent?.type === 'as_pattern' ? field(node.parent, 'alias') : undefined;
  const alias = pattern && (namedChildren(pattern)[0] ?? pattern);
  return alias?.type === 'identifier' ? facts.textOf(alias) : undefined;
}

/** The response's status is looked at: a status check of the row on the kept response in the same function, or the client raises by itself. */
function statusShown(http: PyHttpCall, name: string | undefined, facts: PyFacts, root: PyNode): SafeguardState {
  const { model } = http;
  if (model.raisesOnError) return 'present';
  const raises = (call: PyNode | undefined) => model.raiseOption !== undefined && call !== undefined && isKeywordTrue(facts.valueOf(field(callArguments(call, facts.text).keywords.get(model.raiseOption), 'value')));
  if (raises(http.call) || raises(http.client)) return 'present';
  if (!name) return 'unknown';
  let checked = false;
  forEachInScope(enclosingFunction(http.call) ?? root, (node) => {
    if (checked) return false;
    if (node.type === 'attribute' && node.start >= http.call.end && facts.textOf(field(node, 'object')!) === name && model.statusChecks.includes(facts.textOf(field(node, 'attribute')!))) checked = true;
    return !checked;
  });
  return checked ? 'present' : 'unknown';
}

/** The retry around a request: a hand-written loop the retry rules find, or a retry decorator on its function. */
function retryOf(call: PyNode, facts: PyFacts): { node: PyNode; retry: SafeguardState; backoff: SafeguardState } | undefined {
  const loop = pyRetryLoops(facts).find((found) => found.request === call || (found.loop.start <= call.start && call.end <= found.loop.end));
  if (loop) {
    const growing = loop.sleeps.some((sleep) => !isConstantDelay(sleep, loop.loop, facts));
    return { node: loop.loop, retry: 'present', backoff: growing ? 'present' : 'missing' };
  }
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    const decorator = decoratorCalls(fn, facts).find((found) => RETRY_DECORATORS.has(found.name));
    if (!decorator) continue;
    const tenacity = PY_TENACITY.find((row) => row.decorators.includes(decorator.name));
    const backoffRow = PY_BACKOFF.find((row) => row.decorators.includes(decorator.name));
    const args = decorator.call ? callArguments(decorator.call, facts.text) : undefined;
    const wait = tenacity ? field(args?.keywords.get(tenacity.wait), 'value') : backoffRow && args?.positional[backoffRow.waitIndex];
    const waitName = wait && facts.qualify(unwrap(wait)?.type === 'call' ? field(unwrap(wait)!, 'function') : wait);
    // tenacity waits nothing unless told; a wait the rows call constant never grows.
    const backoff: SafeguardState = waitName === undefined ? (tenacity ? 'missing' : 'unknown') : CONSTANT_WAITS.has(waitName) ? 'missing' : 'present';
    return { node: decorator.decorator, retry: 'present', backoff };
  }
  return undefined;
}

/** Whether a POST's `headers=` send an idempotency key: present when a literal dict names one, else unknown (a finding says missing). */
function idempotencyShown(call: PyNode, facts: PyFacts): SafeguardState {
  const headers = keywordState(call, 'headers', facts);
  if (headers.kind !== 'present') return 'unknown';
  const entries = dictEntries(facts.valueOf(headers.value), facts);
  return entries && [...entries.keys()].some((key) => key.toLowerCase() === 'idempotency-key') ? 'present' : 'unknown';
}

function httpEntry(http: PyHttpCall, file: PythonFile, sites: PySites): FileEntry {
  const { facts } = file;
  const { method, url } = methodAndUrl(http, facts);
  const target = requestTarget(http, url, facts);
  const name = responseName(http.call, facts);
  const retry = retryOf(http.call, facts);
  const own = sites.findingsOn(http.call);
  // A body read without a status check is reported where it is read; a retry rule where the loop or decorator is.
  const unchecked = name ? sites.findingsAfter(http.call, enclosingFunction(http.call) ?? file.tree.root, SAFEGUARD_RULES.statusCheck, `${name}.`) : [];
  const retryFindings = retry ? sites.findingsOn(retry.node).filter((finding) => SAFEGUARD_RULES.retry.includes(finding.ruleId) || SAFEGUARD_RULES.backoff.includes(finding.ruleId)) : [];
  const all = merged(own, unchecked, retryFindings);
  // A client's own settings (`Session(verify=False)`, a pool without a timeout) are reported on its constructor.
  const judging = merged(all, http.client ? sites.findingsOn(http.client) : []);
  const scheme = target.kind === 'url' ? target.url : target.kind === 'prefix' ? target.prefix : '';
  const tlsShown: SafeguardState = /^(https|wss):/i.test(scheme) ? 'present' : /^(http|ws):/i.test(scheme) && (target.kind === 'url' || target.kind === 'prefix') && target.host ? 'missing' : 'unknown';
  return {
    system: systemOfTarget(target),
    key: `http ${http.model.label} ${method ?? ''} ${targetText(target)}`,
    entry: {
      kind: 'http',
      library: http.model.label,
      ...(method ? { method } : {}),
      target,
      safeguards: {
        timeout: judged(judging, SAFEGUARD_RULES.timeout, timeoutShown(http, facts)),
        retry: judged(all, SAFEGUARD_RULES.retry, retry?.retry ?? 'unknown'),
        backoff: judged(all, SAFEGUARD_RULES.backoff, retry?.backoff ?? 'unknown'),
        statusCheck: judged(all, SAFEGUARD_RULES.statusCheck, statusShown(http, name, facts, file.tree.root)),
        ...(method === 'POST' ? { idempotencyKey: judged(all, SAFEGUARD_RULES.idempotencyKey, idempotencyShown(http.call, facts)) } : {}),
        tls: judged(judging, SAFEGUARD_RULES.tls, tlsShown),
      },
      sites: sites.site(http.call, all),
    },
  };
}

/** A provider SDK call: through the module (`stripe.Refund.create`) or a client it makes (`client.messages.create`). */
function sdkCall(call: PyNode, facts: PyFacts): { provider: string; module: string; operation: string } | undefined {
  const callee = unwrap(field(call, 'function'));
  if (callee?.type !== 'attribute') return undefined;
  const qualified = facts.qualify(callee) ?? '';
  for (const row of PY_PROVIDER_SDKS) {
    const module = row.modules.find((name) => qualified.startsWith(`${name}.`));
    if (!module) continue;
    const operation = qualified.slice(module.length + 1);
    // `stripe.Webhook.construct_event` checks a signature locally; `stripe.error.CardError(...)` makes an exception.
    if (!operation.includes('.') || VERIFIERS.has(qualified) || row.clients.includes(qualified) || /^[A-Z]/.test(operation.split('.').pop() ?? '')) return undefined;
    return { provider: row.provider, module, operation };
  }
  // The client is the first object along the chain made by a row's client constructor.
  const names: string[] = [];
  for (let node: PyNode | undefined = callee; node?.type === 'attribute'; node = unwrap(field(node, 'object'))) {
    tick();
    names.unshift(facts.textOf(field(node, 'attribute')!));
    const object = unwrap(field(node, 'object'));
    const made = object && facts.instanceOf(object)?.name;
    const row = made ? PY_PROVIDER_SDKS.find((candidate) => candidate.clients.includes(made)) : undefined;
    if (row) return { provider: row.provider, module: row.modules[0], operation: names.join('.') };
  }
  return undefined;
}

function sdkEntry(call: PyNode, file: PythonFile, sites: PySites): FileEntry | undefined {
  const { facts } = file;
  const found = sdkCall(call, facts);
  if (!found) return undefined;
  const findings = sites.findingsOn(call);
  // Stripe's money-moving creations, as missing-idempotency-key reads them.
  const resource = STRIPE.modules.includes(found.module) && (STRIPE.resources.includes(`${found.module}.${found.operation}`) || (found.operation.endsWith('.create') && STRIPE.clientServices.includes(found.operation.split('.').at(-2) ?? '')));
  const options = keywordState(call, 'options', facts);
  const keyShown = keywordState(call, STRIPE.keyword, facts).kind === 'present' || (options.kind === 'present' && dictEntries(facts.valueOf(options.value), facts)?.has(STRIPE.keyword) === true);
  return {
    system: { kind: 'provider', name: found.provider },
    key: `sdk ${found.module} ${found.operation}`,
    entry: { kind: 'sdk', module: found.module, operation: found.operation, safeguards: resource ? { idempotencyKey: judged(findings, SAFEGUARD_RULES.idempotencyKey, keyShown ? 'present' : 'unknown') } : {}, sites: sites.site(call, findings) },
  };
}

/** A literal destination given at `index` or by one of the keywords, printed as the map prints names. */
function destinationOf(call: PyNode | undefined, where: { index?: number; keywords: readonly string[] } | undefined, facts: PyFacts): string | undefined {
  if (!call || !where || call.type !== 'call') return undefined;
  const args = callArguments(call, facts.text);
  const given = (where.index !== undefined ? args.positional[where.index] : undefined) ?? where.keywords.map((word) => field(args.keywords.get(word), 'value')).find((value) => value !== undefined);
  const text = given && stringValue(facts.valueOf(given), facts.text);
  return text === undefined ? undefined : publicText(text);
}

/** Who acknowledges: the row's mode, read off the consume call or the consumer's settings. */
function ackModeOf(ack: PyAckMode, handler: { autoAck?: PyNode }, settingsCall: PyNode | undefined, facts: PyFacts): 'auto' | 'manual' {
  if (ack === 'auto' || ack === 'manual') return ack;
  if (ack === 'option') return handler.autoAck ? 'auto' : 'manual';
  // Each setting's default is the broker's own acknowledgement.
  if (!settingsCall || settingsCall.type !== 'call') return 'auto';
  const args = callArguments(settingsCall, facts.text);
  const values = [
    ...(ack.keywords ?? []).map((word) => field(args.keywords.get(word), 'value')),
    ...(ack.configKeys ?? []).map((key) => dictEntries(facts.valueOf(args.positional[0]), facts)?.get(key)?.value),
  ].map((value) => facts.valueOf(value));
  const set = values.find((value) => isKeywordTrue(value) || isKeywordFalse(value));
  if (!set) return 'auto';
  return isKeywordTrue(set) === ack.manualWhen ? 'manual' : 'auto';
}

/** How failed messages leave a RabbitMQ handler: nacks that requeue, nacks that do not (dead-letter or discard). */
function settlesOf(scope: PyNode, facts: PyFacts): { requeues: boolean; fails: boolean; unknown: boolean } {
  const state = { requeues: false, fails: false, unknown: false };
  forEachInScope(scope, (node) => {
    tick();
    if (node.type !== 'call') return true;
    const nack = RABBIT.nacks.find((row) => row.name === calleeName(node, facts.text));
    if (!nack) return true;
    const requeued = nackRequeues(node, nack.requeueDefault, facts);
    if (requeued === 'yes') state.requeues = true;
    else if (requeued === 'no') state.fails = true;
    else state.unknown = true;
    return true;
  });
  return state;
}

function consumerEntry(broker: string, scope: PyNode, shown: PyNode, consume: PyNode | undefined, handler: { autoAck?: PyNode }, facts: PyFacts, sites: PySites): FileEntry | undefined {
  const row = PY_CONSUMERS.find((candidate) => candidate.broker === broker);
  if (!row) return undefined;
  const receiver = row.onReceiver && consume?.type === 'call' ? facts.instanceOf(calleeObject(consume))?.call : consume;
  const module = facts.qualify(field(consume?.type === 'call' ? consume : undefined, 'function'))?.split('.')[0];
  const label = (module && row.labels?.[module]) ?? row.label;
  const destination = destinationOf(receiver, row.destination, facts);
  const findings = sites.findingsOn(shown, scope);
  const settled = RABBIT.nacks.length > 0 && (broker === 'pika' || broker === 'aio-pika') ? settlesOf(scope, facts) : undefined;
  const requeue = settled?.requeues ? 'yes' : settled?.unknown ? 'unknown' : settled?.fails ? 'no' : 'unknown';
  const deadLetter = judged(findings, SAFEGUARD_RULES.deadLetter, settled?.fails && !settled.requeues ? 'present' : 'unknown');
  return {
    system: { kind: 'broker', name: label },
    key: `consumer ${destination ?? ''}`,
    entry: { kind: 'consumer', broker: label, ...(destination !== undefined ? { destination } : {}), ackMode: ackModeOf(row.ack, handler, receiver, facts), requeue, deadLetter, sites: sites.site(shown, findings) },
  };
}

function consumerEntries(file: PythonFile, sites: PySites): FileEntry[] {
  const { facts } = file;
  const entries: FileEntry[] = [];
  for (const handler of pyMessageHandlers(facts) as PyMessageHandler[]) {
    tick();
    // A function a handler calls with the message consumes nothing of its own.
    if (handler.caller) continue;
    const shown = handler.consume ?? (handler.scope.type === 'block' ? handler.scope.parent ?? handler.scope : definitionHead(handler.scope));
    const entry = consumerEntry(handler.broker, handler.scope, shown, handler.consume, handler, facts, sites);
    if (entry) entries.push(entry);
  }
  // Celery tasks: the worker consumes the task's queue.
  if (facts.importsAny(['celery'])) {
    for (const definition of facts.ofType('function_definition')) {
      const task = decoratorCalls(definition, facts).find((found) => isCeleryTask(found.name, found.call, facts));
      if (!task) continue;
      const entry = consumerEntry('celery', definitionStatement(definition), task.decorator, task.call, {}, facts, sites);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

function publisherEntry(call: PyNode, file: PythonFile, sites: PySites): FileEntry | undefined {
  const { facts } = file;
  const row = publishRowOf(calleeObject(call), facts);
  const method = calleeName(call, facts.text) ?? '';
  if (!row) return undefined;
  const kind = PUBLISH_KINDS.find((name) => (row as PublishLists)[name]?.includes(method));
  if (!kind) return undefined;
  const findings = sites.findingsOn(call);
  // A coroutine runs when awaited (or handed on); a future is seen when kept; the rule's finding says when neither.
  const handedOn = call.parent?.type !== 'expression_statement';
  const awaited = !has(findings, SAFEGUARD_RULES.awaited) && (kind === 'coroutines' || kind === 'futures' ? handedOn : true);
  const destination = destinationOf(call, row.destination, facts);
  return {
    system: { kind: 'broker', name: row.broker },
    key: `publisher ${destination ?? ''} ${awaited}`,
    entry: { kind: 'publisher', broker: row.broker, ...(destination !== undefined ? { destination } : {}), awaited, sites: sites.site(call, findings) },
  };
}

function webhookEntry(view: PyPostView, file: PythonFile, sites: PySites, framework: string | undefined): FileEntry {
  const { facts, path } = file;
  const findings = sites.findingsOn(definitionStatement(view.definition));
  const unverified = has(findings, SAFEGUARD_RULES.verified);
  const provider = providerOf(view.path, path, (header) => facts.textOf(view.definition).toLowerCase().replace(/_/g, '-').includes(header));
  return {
    system: { kind: 'webhook-sender', name: provider ?? 'webhook senders' },
    key: `webhook ${view.label} ${view.path ?? ''}`,
    entry: {
      kind: 'webhook',
      ...(framework ? { framework } : {}),
      // How the view is registered: the decorator's callee (`app.post`), else its label (a Django view's name, `Cls.post`).
      registration: publicText(view.registration ? facts.textOf(field(view.registration, 'function') ?? view.registration) : view.label),
      ...(view.path ? { path: publicText(view.path) } : {}),
      ...(provider ? { provider } : {}),
      verified: !unverified,
      sites: sites.site(view.head, findings),
    },
  };
}

function webhookEntries(file: PythonFile, sites: PySites): FileEntry[] {
  const { facts, path } = file;
  const [frameworks] = PY_WEB_FRAMEWORKS;
  if (!facts.importsAny(frameworks.modules) && !/(^|[\\/])views?(\.py$|[\\/])/.test(path)) return [];
  const framework = frameworks.modules.find((module) => facts.importsAny([module]));
  return pyPostViews(facts, path)
    .filter((view) => isWebhookView(view, facts, path))
    .map((view) => webhookEntry(view, file, sites, framework));
}

/** Settings read for secrets: names, never values. */
function credentials(file: PythonFile, sites: PySites): CredentialEntry[] {
  const { facts } = file;
  const found: CredentialEntry[] = [];
  if (!facts.importsAny(PY_SETTING_READERS.flatMap((row) => row.modules))) return found;
  for (const node of [...facts.ofType('subscript'), ...facts.ofType('call')]) {
    tick();
    const read = settingRead(node, facts);
    if (read && isCredentialName(read.name.split('.').pop() ?? read.name)) found.push({ name: read.name, source: read.source, sites: sites.site(node, []) });
  }
  return found;
}

/** The Python file's part of the map. The findings are the rules' final ones for this parse. */
export function collectPythonInventory(file: PythonFile, findings: readonly Finding[]): FileInventory {
  const { facts } = file;
  const sites = new PySites(file, findings);
  const entries: FileEntry[] = [];
  const requests = [...pyHttpCalls(facts), ...pyPassedInClientCalls(facts)].filter((http) => http.kind === 'request');
  const seen = new Set<PyNode>();
  for (const http of requests) {
    tick();
    if (seen.has(http.call)) continue;
    seen.add(http.call);
    entries.push(httpEntry(http, file, sites));
  }
  const namesSdk = PY_PROVIDER_SDKS.some((row) => facts.importsAny(row.modules));
  const publishes = facts.importsAny(PY_PUBLISHES.flatMap((row) => row.modules));
  if (namesSdk || publishes) {
    for (const call of facts.ofType('call')) {
      tick();
      if (seen.has(call)) continue;
      const entry = (publishes ? publisherEntry(call, file, sites) : undefined) ?? (namesSdk ? sdkEntry(call, file, sites) : undefined);
      if (entry) entries.push(entry);
    }
  }
  entries.push(...consumerEntries(file, sites), ...webhookEntries(file, sites));
  return { entries, credentials: credentials(file, sites) };
}
