/**
 * One file's part of the integration map, read from the facts the rules already computed for
 * the parse (HTTP calls, routes, message handlers, publishes, retry loops) and the findings
 * they made: no second parse, no library name in code (the models' rows say what is what).
 * Runs after the rules, under the same time budget (`tick` per node visited).
 */
import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, forEachDescendant, lookupProperty, stringValue } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { tick } from '../engine/deadline.js';
import { lineStarts, positionAt } from '../engine/lines.js';
import type { ParsedFile } from '../engine/rule.js';
import type { Finding } from '../engine/types.js';
import { chainedCalls, classifyHttpCall, type HttpRequestCall } from '../analysis/http-clients.js';
import { idempotencyKeyState, moneyMovingCall, sendsIdempotencyHeader } from '../analysis/idempotency.js';
import { isNegativeAck, messageHandlers, requeueCall, requeuesMessage, type MessageHandler } from '../analysis/message-handlers.js';
import { postRequest } from '../analysis/network-calls.js';
import { DESTINATION_KEYS, publishOf } from '../analysis/publish-calls.js';
import { retryLoops, type RetryLoop } from '../analysis/retry/loops.js';
import { fileRoutes, saysWebhook, type Route } from '../analysis/routes.js';
import { readsSignatureHeaderIn } from '../analysis/signatures.js';
import { WEBHOOK_FRAMEWORKS, WEBHOOK_PROVIDERS } from '../models/webhooks.js';
import { MONEY_MOVING_APIS } from '../models/idempotency.js';
import { MESSAGING_LIBRARIES } from '../models/messaging.js';
import { isCredentialName } from '../secrets/words.js';
import { targetText, type CredentialEntry, type InventoryEntry, type MapRange, type SafeguardState, type SiteFinding, type SystemKind, type Target } from '../shared/inventory.js';
import { envName, joinBase, publicText, targetOf } from './targets.js';
import { configKey } from '../analysis/config-reads.js';
import { providerOfHost, SAFEGUARD_RULES } from './safeguards.js';
import type { FileEntry, FileInventory, SystemRef } from './index.js';

/** Modules of provider SDKs the models know (Stripe's client, Twilio's, ...), with the provider's name. */
const SDK_PROVIDERS = new Map<string, string>([
  ...WEBHOOK_PROVIDERS.flatMap((provider) => provider.modules.filter((module) => /^[@a-z]/.test(module) && provider.verification !== undefined).map((module) => [module, provider.provider] as [string, string])),
  ...MONEY_MOVING_APIS.flatMap((api) => api.modules.map((module) => [module, WEBHOOK_PROVIDERS.find((provider) => provider.modules.includes(module))?.provider ?? module] as [string, string])),
]);
/** Method names that hand a message back as failed (`nack`, `reject`, `nak`): only these calls can requeue. */
const NACK_NAMES = new Set(MESSAGING_LIBRARIES.flatMap((library) => library.nacks.map((nack) => nack.method)));
/** Calls of an SDK that check a signature locally, not calls to the provider. */
const VERIFIER_NAMES = new Set(WEBHOOK_PROVIDERS.flatMap((provider) => provider.verifiers.flatMap((verifier) => verifier.names)));

class Sites {
  private starts: number[] | undefined;

  constructor(
    private readonly file: ParsedFile,
    private readonly findings: readonly Finding[],
  ) {}

  /** The node's first line (a call site is shown by where it starts). */
  range(node: ts.Node): MapRange {
    this.starts ??= lineStarts(this.file.text);
    const start = node.getStart(this.file.sourceFile);
    const { line } = positionAt(this.starts, start);
    const lineEnd = (this.starts[line + 1] ?? this.file.text.length + 1) - 1;
    return { start: positionAt(this.starts, start), end: positionAt(this.starts, Math.max(start, Math.min(node.getEnd(), lineEnd))) };
  }

  /** The findings lying within any of the nodes. */
  findingsOn(...nodes: Array<ts.Node | undefined>): SiteFinding[] {
    const spans = nodes.filter((node): node is ts.Node => node !== undefined).map((node) => [node.getStart(this.file.sourceFile), node.getEnd()]);
    return this.findings
      .filter((finding) => spans.some(([start, end]) => finding.start >= start && finding.start < end))
      .map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
  }

  site(node: ts.Node, findings: SiteFinding[]) {
    return [{ uri: '', range: this.range(node), findings }];
  }
}

function has(findings: readonly SiteFinding[], rules: readonly string[]): boolean {
  return findings.some((finding) => rules.includes(finding.ruleId));
}

/** A safeguard's state: `missing` when a finding says so, else what the code shows. */
function judged(findings: readonly SiteFinding[], rules: readonly string[], shown: SafeguardState): SafeguardState {
  return has(findings, rules) ? 'missing' : shown;
}

function timeoutShown(http: HttpRequestCall, facts: FileFacts): SafeguardState {
  const { timeout } = http.model;
  if (timeout.unjudged) return 'unknown';
  if (timeout.finiteDefault) return 'present';
  const inOptions = timeout.options.some((option) => lookupProperty(http.options, option, facts).kind === 'present');
  if (inOptions) return 'present';
  if (timeout.method && chainedCalls(http.call).some((link) => link.name === timeout.method)) return 'present';
  const factory = http.instance ? classifyHttpCall(http.instance, facts) : undefined;
  if (factory?.kind === 'client' && factory.options.some((options) => factory.factory.timeoutOptions.some((option) => lookupProperty(options, option, facts).kind === 'present'))) return 'present';
  return 'unknown';
}

/** The client's base URL joined to the request's path (`axios.create({ baseURL })` then `api.get('/v1/x')`). */
function requestTarget(http: HttpRequestCall, facts: FileFacts): Target {
  const path = targetOf(http.url, facts);
  const factory = http.instance ? classifyHttpCall(http.instance, facts) : undefined;
  const option = factory?.kind === 'client' ? factory.factory.baseUrlOption : undefined;
  if (!option || factory?.kind !== 'client' || (path.kind === 'url' && path.host)) return path;
  const base = lookupProperty(factory.options[0], option, facts);
  return base.kind === 'present' ? joinBase(targetOf(base.value, facts), path) : path;
}

/** `x.ok`, `x.status`, `x.statusCode` in the file, by the name read: one pass over the property reads. */
function statusReads(file: ParsedFile): Map<string, ts.Node[]> {
  const reads = new Map<string, ts.Node[]>();
  for (const access of file.nodes.ofKind<ts.PropertyAccessExpression>(SyntaxKind.PropertyAccessExpression)) {
    const name = access.name.text;
    if ((name === 'ok' || name === 'status' || name === 'statusCode') && ts.isIdentifier(access.expression)) {
      const list = reads.get(access.expression.text);
      if (list) list.push(access);
      else reads.set(access.expression.text, [access]);
    }
  }
  return reads;
}

/** The request's result is kept in a variable whose status is read in the same function. */
function statusRead(call: ts.CallExpression, reads: Map<string, ts.Node[]>): boolean {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const candidates = reads.get(declaration.name.text);
  if (!candidates) return false;
  let scope: ts.Node = declaration;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  return candidates.some((read) => read.pos >= scope.pos && read.end <= scope.end);
}

export function systemOfTarget(target: Target): SystemRef {
  switch (target.kind) {
    case 'url':
    case 'prefix': {
      if (!target.host) return { kind: 'unresolved', name: (target.kind === 'url' ? target.url : target.prefix).startsWith('/') ? 'same origin (relative URLs)' : 'unresolved targets' };
      const provider = providerOfHost(target.host);
      return provider ? { kind: 'provider', name: provider } : { kind: 'host', name: target.host };
    }
    case 'env':
      return { kind: 'configured', name: `env ${target.name}` };
    case 'config':
      return { kind: 'configured', name: `config ${target.key}` };
    default:
      return { kind: 'unresolved', name: 'unresolved targets' };
  }
}

/** The retry loops that send a request again, by request. */
function loopsByRequest(file: ParsedFile): Map<ts.Node, RetryLoop> {
  const byRequest = new Map<ts.Node, RetryLoop>();
  let loops: readonly RetryLoop[] = [];
  try {
    loops = retryLoops(file);
  } catch {
    // The retry rules reported what finding loops threw; the map goes on without them.
  }
  for (const loop of loops) for (const request of loop.requests) byRequest.set(request, loop);
  return byRequest;
}

/** The method the options name; GET when they are shown and name none (every modelled client's default). */
function optionsMethod(http: HttpRequestCall, facts: FileFacts): string | undefined {
  const lookup = lookupProperty(http.options, 'method', facts);
  if (lookup.kind === 'missing') return 'GET';
  return lookup.kind === 'present' && lookup.value ? stringValue(facts.valueOf(lookup.value) ?? lookup.value)?.toUpperCase() : undefined;
}

function httpEntry(http: HttpRequestCall, file: ParsedFile, sites: Sites, loops: Map<ts.Node, RetryLoop>, reads: Map<string, ts.Node[]>): FileEntry {
  const { facts } = file;
  const loop = loops.get(http.call);
  const findings = sites.findingsOn(http.call);
  const loopFindings = loop ? sites.findingsOn(loop.node).filter((finding) => SAFEGUARD_RULES.retry.includes(finding.ruleId) || SAFEGUARD_RULES.backoff.includes(finding.ruleId)) : [];
  const all = [...findings, ...loopFindings.filter((finding) => !findings.some((other) => other.message === finding.message))];
  const target = requestTarget(http, facts);
  const method = http.method ?? optionsMethod(http, facts);
  const post = method === 'POST' ? postRequest(http.call, facts) : undefined;
  const idempotency = post ? sendsIdempotencyHeader(post, facts) : undefined;
  const tlsShown: SafeguardState = target.kind === 'url' || target.kind === 'prefix' ? (/^(https|wss):/i.test(target.kind === 'url' ? target.url : target.prefix) ? 'present' : target.host ? 'missing' : 'unknown') : 'unknown';
  const statusShown: SafeguardState = statusRead(http.call, reads) ? 'present' : 'unknown';
  return {
    system: systemOfTarget(target),
    key: `http ${http.library} ${method ?? ''} ${targetText(target)}`,
    entry: {
      kind: 'http',
      library: http.library,
      ...(method ? { method } : {}),
      target,
      safeguards: {
        timeout: judged(all, SAFEGUARD_RULES.timeout, timeoutShown(http, facts)),
        retry: judged(all, SAFEGUARD_RULES.retry, loop ? 'present' : 'unknown'),
        backoff: judged(all, SAFEGUARD_RULES.backoff, loop ? (loop.backoff.kind === 'growing' ? 'present' : 'missing') : 'unknown'),
        statusCheck: judged(all, SAFEGUARD_RULES.statusCheck, statusShown),
        ...(method === 'POST' ? { idempotencyKey: judged(all, SAFEGUARD_RULES.idempotencyKey, idempotency === 'yes' ? 'present' : idempotency === 'no' ? 'missing' : 'unknown') } : {}),
        tls: judged(all, SAFEGUARD_RULES.tls, tlsShown),
      },
      sites: sites.site(http.call, all),
    },
  };
}

/** The module an SDK call's client comes from: `stripe.refunds.create` with `const stripe = new Stripe(key)` or `require('stripe')(key)`. */
function sdkModule(callee: ts.Expression, facts: FileFacts): { module: string; operation: string } | undefined {
  const names: string[] = [];
  let node = skipOuter(callee);
  while (ts.isPropertyAccessExpression(node)) {
    names.unshift(node.name.text);
    node = skipOuter(node.expression);
  }
  if (names.length < 2 || !(ts.isIdentifier(node) || node.kind === SyntaxKind.ThisKeyword)) return undefined;
  let module = facts.resolve(node)?.module;
  if (module === undefined && ts.isIdentifier(node)) {
    const value = facts.valueOf(node);
    const made = value && skipOuter(value);
    if (made && (ts.isNewExpression(made) || ts.isCallExpression(made))) module = facts.resolve(made.expression)?.module;
  }
  return module !== undefined && SDK_PROVIDERS.has(module) ? { module, operation: names.join('.') } : undefined;
}

function sdkEntry(call: ts.CallExpression, file: ParsedFile, sites: Sites): FileEntry | undefined {
  const { facts } = file;
  const found = sdkModule(call.expression, facts);
  if (!found || VERIFIER_NAMES.has(found.operation.split('.').pop() ?? '')) return undefined;
  const findings = sites.findingsOn(call);
  const money = moneyMovingCall(call, facts);
  const idempotency = money ? judged(findings, SAFEGUARD_RULES.idempotencyKey, idempotencyKeyState(call, money.api, facts)) : undefined;
  return {
    system: { kind: 'provider', name: SDK_PROVIDERS.get(found.module) ?? found.module },
    key: `sdk ${found.module} ${found.operation}`,
    entry: { kind: 'sdk', module: found.module, operation: found.operation, safeguards: idempotency ? { idempotencyKey: idempotency } : {}, sites: sites.site(call, findings) },
  };
}

function destinationOf(call: ts.CallExpression | ts.NewExpression | undefined, facts: FileFacts): string | undefined {
  const first = call?.arguments?.[0];
  if (!first) return undefined;
  const literal = facts.valueOf(first);
  const text = literal && stringValue(skipOuter(literal));
  if (text !== undefined) return publicText(text);
  for (const key of DESTINATION_KEYS) {
    const lookup = lookupProperty(first, key, facts);
    const value = lookup.kind === 'present' && lookup.value ? stringValue(skipOuter(facts.valueOf(lookup.value) ?? lookup.value)) : undefined;
    if (value !== undefined) return publicText(value);
  }
  return undefined;
}

function brokerOf(modules: readonly string[]): string {
  return modules[0] ?? 'broker';
}

function consumerEntries(file: ParsedFile, sites: Sites, calls: readonly ts.CallExpression[]): FileEntry[] {
  const { facts } = file;
  const index = messageHandlers(file);
  if (index.handlers.length === 0) return [];
  const settles = new Map<MessageHandler, { requeues: boolean; fails: boolean }>();
  for (const call of calls) {
    tick();
    if (!NACK_NAMES.has(calleeName(call) ?? '')) continue;
    const handler = index.handlerAt(call);
    if (!handler || !isNegativeAck(call, handler, facts)) continue;
    const requeue = requeueCall(call, facts);
    const state = settles.get(handler) ?? { requeues: false, fails: false };
    if (requeue && requeuesMessage(call, requeue, handler, facts)) state.requeues = true;
    else state.fails = true;
    settles.set(handler, state);
  }
  const entries: FileEntry[] = [];
  for (const handler of index.handlers) {
    if (handler.caller) continue;
    const registration = handler.fn?.parent && (ts.isCallExpression(handler.fn.parent) || ts.isNewExpression(handler.fn.parent)) ? handler.fn.parent : undefined;
    const shown = registration ?? handler.fn ?? handler.body;
    const findings = sites.findingsOn(shown, handler.body);
    const settled = settles.get(handler);
    const broker = brokerOf(handler.library.modules);
    const destination = destinationOf(registration, facts);
    const requeue = settled?.requeues ? 'yes' : settled?.fails ? 'no' : 'unknown';
    const deadLetter = judged(findings, SAFEGUARD_RULES.deadLetter, settled?.fails && !settled.requeues ? 'present' : 'unknown');
    entries.push({
      system: { kind: 'broker', name: broker },
      key: `consumer ${destination ?? ''}`,
      entry: { kind: 'consumer', broker, ...(destination !== undefined ? { destination } : {}), ackMode: handler.autoCommit ? 'auto' : 'manual', requeue, deadLetter, sites: sites.site(shown, findings) },
    });
  }
  return entries;
}

function publisherEntry(call: ts.CallExpression, file: ParsedFile, sites: Sites): FileEntry | undefined {
  const found = publishOf(call, file.facts);
  if (!found) return undefined;
  const findings = sites.findingsOn(call);
  const broker = brokerOf(found.library.modules);
  const destination = destinationOf(call, file.facts);
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isPropertyAccessExpression(node.parent) || (ts.isCallExpression(node.parent) && node.parent.expression === node)) node = node.parent;
  const awaited = found.returns === 'sync' ? !has(findings, SAFEGUARD_RULES.awaited) : !has(findings, SAFEGUARD_RULES.awaited) && (ts.isAwaitExpression(node.parent) || ts.isReturnStatement(node.parent) || ts.isVariableDeclaration(node.parent));
  return {
    system: { kind: 'broker', name: broker },
    key: `publisher ${destination ?? ''} ${awaited}`,
    entry: { kind: 'publisher', broker, ...(destination !== undefined ? { destination } : {}), awaited, sites: sites.site(call, findings) },
  };
}

function frameworkOf(facts: FileFacts): string | undefined {
  return WEBHOOK_FRAMEWORKS.find((framework) => framework.modules.some((module) => facts.importedModules.has(module)))?.framework;
}

/** The string literals in a route's steps (header names among them), read once per route. */
function stepLiterals(route: Route): Set<string> {
  const literals = new Set<string>();
  for (const step of route.steps) {
    if (!step.fn) continue;
    forEachDescendant(step.fn, (child) => {
      tick();
      if (ts.isStringLiteralLike(child)) literals.add(child.text.toLowerCase());
    });
  }
  return literals;
}

/**
 * The sender: named by the route's path, else by a signature header the route reads, else (a
 * route without a path: Next.js, a class-based view) by the file's name.
 */
export function providerOf(routePath: string | undefined, filePath: string, readsHeader: (header: string) => boolean): string | undefined {
  const named = (text: string) => WEBHOOK_PROVIDERS.find((provider) => provider.routeWords?.some((word) => text.includes(word)))?.provider;
  const fromPath = named((routePath ?? '').toLowerCase());
  if (fromPath) return fromPath;
  return WEBHOOK_PROVIDERS.find((provider) => provider.signatureHeaders.some(readsHeader))?.provider ?? (routePath ? undefined : named(filePath.toLowerCase().split(/[\\/]/).slice(-3).join('/')));
}

function providerOfRoute(route: Route, path: string): string | undefined {
  let literals: Set<string> | undefined;
  return providerOf(route.path, path, (header) => (literals ??= stepLiterals(route)).has(header));
}

/** The route a file-routed handler serves: `app/api/webhooks/github/route.ts` → `/api/webhooks/github`, `pages/api/hooks/stripe.ts` → `/api/hooks/stripe`. */
function routeOfFile(path: string): string | undefined {
  const segments = path.split(/[\\/]/);
  const root = Math.max(segments.lastIndexOf('app'), segments.lastIndexOf('pages'));
  if (root < 0) return undefined;
  const rest = segments.slice(root + 1);
  const last = rest.pop()?.replace(/\.[cm]?[jt]sx?$/, '');
  if (last !== undefined && last !== 'route' && last !== 'index') rest.push(last);
  return `/${rest.join('/')}`;
}

function webhookEntries(file: ParsedFile, sites: Sites): FileEntry[] {
  const { facts, path } = file;
  const routes = fileRoutes(file);
  if (routes.length === 0) return [];
  const framework = frameworkOf(facts);
  const entries: FileEntry[] = [];
  for (const route of routes) {
    const findings = sites.findingsOn(route.node);
    const unverified = has(findings, SAFEGUARD_RULES.verified);
    if (!unverified && !saysWebhook(route, path) && !route.steps.some((step) => step.fn !== undefined && readsSignatureHeaderIn(step.fn))) continue;
    const provider = providerOfRoute(route, path);
    const routePath = route.path || routeOfFile(path);
    entries.push({
      system: { kind: 'webhook-sender', name: provider ?? 'webhook senders' },
      key: `webhook ${route.label} ${route.path ?? ''}`,
      entry: {
        kind: 'webhook',
        ...(framework ? { framework } : {}),
        registration: route.label,
        ...(routePath !== undefined ? { path: publicText(routePath) } : {}),
        ...(provider ? { provider } : {}),
        verified: !unverified,
        sites: sites.site(route.node, findings),
      },
    });
  }
  return entries;
}

/** Environment variables and config keys read for secrets: names, never values. */
function credentials(file: ParsedFile, sites: Sites, calls: readonly ts.CallExpression[]): CredentialEntry[] {
  const found: CredentialEntry[] = [];
  // Most files read no environment and no config: the text says so without a look at the tree.
  const readsEnv = file.text.includes('env');
  const readsConfig = /config/i.test(file.text);
  if (!readsEnv && !readsConfig) return found;
  const add = (name: string, source: 'env' | 'config', node: ts.Node): void => {
    if (isCredentialName(name.split('.').pop() ?? name)) found.push({ name, source, sites: sites.site(node, []) });
  };
  for (const kind of readsEnv ? [SyntaxKind.PropertyAccessExpression, SyntaxKind.ElementAccessExpression] : []) {
    for (const node of file.nodes.ofKind<ts.PropertyAccessExpression | ts.ElementAccessExpression>(kind)) {
      tick();
      // Most property reads are not of an environment: `<x>.env.NAME` first, then the whole name.
      const base = node.expression;
      if (!ts.isPropertyAccessExpression(base) || base.name.text !== 'env') continue;
      const name = envName(node);
      if (name !== undefined) add(name, 'env', node);
    }
  }
  for (const call of readsConfig ? calls : []) {
    const key = configKey(call);
    if (key !== undefined) add(key, 'config', call);
  }
  return found;
}

/** The file's part of the map. The findings are the rules' final ones for this parse (suppressions applied). */
export function collectFileInventory(file: ParsedFile, findings: readonly Finding[]): FileInventory {
  const sites = new Sites(file, findings);
  const calls = file.nodes.ofKind<ts.CallExpression>(SyntaxKind.CallExpression);
  const loops = loopsByRequest(file);
  const reads = statusReads(file);
  // A file that never names an SDK's module makes no SDK call the map could attribute.
  const namesSdk = [...SDK_PROVIDERS.keys()].some((module) => file.text.includes(module));
  const entries: FileEntry[] = [];
  for (const call of calls) {
    tick();
    const http = classifyHttpCall(call, file.facts);
    if (http?.kind === 'request') {
      entries.push(httpEntry(http, file, sites, loops, reads));
      continue;
    }
    if (http) continue;
    const entry = publisherEntry(call, file, sites) ?? (namesSdk && ts.isPropertyAccessExpression(call.expression) ? sdkEntry(call, file, sites) : undefined);
    if (entry) entries.push(entry);
  }
  entries.push(...consumerEntries(file, sites, calls), ...webhookEntries(file, sites));
  return { entries, credentials: credentials(file, sites, calls) };
}
