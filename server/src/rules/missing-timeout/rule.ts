import { SyntaxKind, ts } from '../../engine/ts.js';
import { contains, dottedName, enclosingFunction, forEachDescendant, isPropertyNamePosition, lookupProperty, someDescendant } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import type { MessageData, Severity, TextEdit } from '../../engine/types.js';
import { isClientModule, isRelativeUrl, runsInBrowserCallback } from '../../analysis/urls.js';
import { isTestPath } from '../../analysis/test-paths.js';
import { runsInTimedTest } from '../../analysis/test-files.js';
import { chainedCalls, chainEnd, classifyHttpCall, classifyHttpPool, resultBinding, type HttpClientFactoryCall, type HttpRequestCall } from '../../analysis/http-clients.js';
import { HTTP_CLIENTS, timeoutProperty, type HttpTimeoutModel } from '../../models/http-clients.js';
import { boundArgument, chainTimeout, type FixContext } from './fix.js';
import { checkPython } from './python.js';
import { meta, type MessageId } from './meta.js';

/** What an options object says about one timeout setting. */
type Setting = 'on' | 'off' | 'missing' | 'unknown';

/** A finding held until the walk ends, when every `*.defaults.timeout` assignment is known. */
interface Pending {
  node: ts.Node;
  messageId: MessageId;
  data: MessageData;
  /** Silenced by a module's defaults in the file (`axios.defaults.timeout = ...`): that module. */
  moduleDefault?: string;
  /** Silenced by `<binding>.defaults.timeout = ...` (an axios instance). */
  binding?: Binding;
  /** The edits of its quick fix, built when it is reported. */
  fix: () => TextEdit[] | undefined;
  /** Lowered for a browser's call to its own origin. */
  severity?: Severity;
}

/** The defaults objects the rows model (`axios.defaults.timeout`), with their module. */
const DEFAULTS = HTTP_CLIENTS.flatMap(({ modules, timeout }) => (timeout.defaults ? modules.map((module) => ({ module, ...timeout.defaults! })) : []));

function isInfinity(node: ts.Expression): boolean {
  return dottedName(node) === 'Number.POSITIVE_INFINITY';
}

/** True when a timeout value the file shows disables the timeout: 0, Infinity, false, null, undefined. */
function isTimeoutOff(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const written = skipOuter(expr);
  // Globals first: `valueOf` does not follow names the file does not declare.
  if (ts.isIdentifier(written) && !facts.isDeclared(written)) return written.text === 'undefined' || written.text === 'Infinity';
  const node = facts.valueOf(written);
  if (!node || depth > 4) return false;
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, '')) === 0;
  if (node.kind === SyntaxKind.FalseKeyword || node.kind === SyntaxKind.NullKeyword || node.kind === SyntaxKind.UndefinedKeyword) return true;
  if (isInfinity(node)) return true;
  if (ts.isObjectLiteralExpression(node)) {
    // got's `timeout: { request, response, ... }`: off when it sets no phase to a bound.
    return node.properties.every((prop) => ts.isPropertyAssignment(prop) && isTimeoutOff(prop.initializer, facts, depth + 1));
  }
  return false;
}

function setting(options: ts.Expression | undefined, name: string, facts: FileFacts): Setting {
  const found = lookupProperty(options, name, facts);
  if (found.kind !== 'present') return found.kind;
  if (!found.value) return 'unknown';
  return isTimeoutOff(found.value, facts) ? 'off' : 'on';
}

/** Any of the names bounding the request wins; otherwise the file's doubt; otherwise off/missing. */
function anyBound(settings: Setting[]): Setting {
  for (const wanted of ['on', 'unknown', 'off'] as const) {
    if (settings.includes(wanted)) return wanted;
  }
  return 'missing';
}

function boundOf(options: ts.Expression | undefined, names: readonly string[], facts: FileFacts): Setting {
  return anyBound(names.map((name) => setting(options, name, facts)));
}

/**
 * What the options a call is given say, by how the row combines its option names: any one
 * bounds the request, or (phases) turning any one off leaves it unbounded.
 */
function optionsBound(optionsArgs: ReadonlyArray<ts.Expression | undefined>, names: readonly string[], combine: HttpTimeoutModel['combine'], facts: FileFacts): Setting {
  if (combine === 'phases') return optionsArgs.some((options) => names.some((name) => setting(options, name, facts) === 'off')) ? 'off' : 'on';
  return anyBound(optionsArgs.map((options) => boundOf(options, names, facts)));
}

function formatMs(ms: number): string {
  // regex-bound: a number's digits, at most 22 characters (the lookahead is quadratic in them).
  return String(ms).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

/** `new Request(url, init)` given as fetch's first argument carries its own init. */
function requestObjectInit(expr: ts.Expression | undefined, facts: FileFacts): ts.Expression | undefined {
  const value = expr && facts.valueOf(expr);
  if (!value || !ts.isNewExpression(value)) return undefined;
  const ref = facts.resolve(value.expression);
  return ref?.path.length === 1 && ref.path[0] === 'Request' ? value.arguments?.[1] : undefined;
}

/** `fetch(request)` with a Request the file does not show: its own signal may bound it. */
function isOpaqueRequestObject(request: HttpRequestCall): boolean {
  const input = request.url && skipOuter(request.url);
  if (!input || request.options) return false;
  const name = ts.isIdentifier(input) ? input.text : ts.isPropertyAccessExpression(input) ? input.name.text : undefined;
  return name !== undefined && /^req(uest)?$|Request$/i.test(name);
}

function containsMethodCall(node: ts.Node, method: string): boolean {
  return someDescendant(node, (child) => ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && child.expression.name.text === method);
}

/**
 * True when a chain of calls on a request bounds it: `.setTimeout(ms)` / `.timeout(ms)`, or
 * (node's ClientRequest) `.on('socket', s => s.setTimeout(ms))`.
 */
function chainBounds(start: ts.Expression, timeout: HttpTimeoutModel, facts: FileFacts): boolean {
  const links = ts.isCallExpression(start) ? chainedCalls(start) : chainedFrom(start);
  return links.some(({ name, call }) => {
    if (name === timeout.method) return call.arguments.length > 0 && !isTimeoutOff(call.arguments[0], facts);
    return name === 'on' && timeout.clientRequest === true && call.arguments.length > 1 && containsMethodCall(call.arguments[1], 'setTimeout');
  });
}

/** The calls chained onto a reference: `req.on(...).setTimeout(...)` from `req`. */
function chainedFrom(reference: ts.Expression): Array<{ name: string; call: ts.CallExpression }> {
  const access = reference.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== reference) return [];
  const call = access.parent;
  if (!ts.isCallExpression(call) || call.expression !== access) return [];
  return [{ name: access.name.text, call }, ...chainedCalls(call)];
}

type Binding = NonNullable<ReturnType<typeof resultBinding>>;

/**
 * Every identifier in the file by name, built once on first use so that looking up the
 * uses of a request variable does not re-walk its whole scope for each request.
 */
class IdentifierIndex {
  private byName: Map<string, ts.Identifier[]> | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  named(name: string): ts.Identifier[] {
    if (!this.byName) {
      const byName = new Map<string, ts.Identifier[]>();
      forEachDescendant(this.sourceFile, (node) => {
        if (!ts.isIdentifier(node)) return;
        const list = byName.get(node.text);
        if (list) list.push(node);
        else byName.set(node.text, [node]);
      });
      this.byName = byName;
    }
    return this.byName.get(name) ?? [];
  }

  /** The uses of a binding inside `scope`: identifiers for a variable, `a.b` expressions for a dotted name. */
  references(binding: Binding, scope: ts.Node, facts: FileFacts): ts.Expression[] {
    const found: ts.Expression[] = [];
    if ('variable' in binding) {
      for (const id of this.named(binding.variable.text)) {
        if (id !== binding.variable && contains(scope, id) && !isPropertyNamePosition(id) && facts.declarationName(id) === binding.variable) found.push(id);
      }
      return found;
    }
    const last = binding.dotted.split('.').pop()!;
    for (const id of this.named(last)) {
      const use = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      if (contains(scope, use) && dottedName(use) === binding.dotted) found.push(use);
    }
    return found;
  }
}

/** True when a reference sits inside the callback of a global `setTimeout(...)` (a manual abort). */
function insideTimer(reference: ts.Node, scope: ts.Node, facts: FileFacts): boolean {
  for (let node = reference.parent; node && node !== scope; node = node.parent) {
    if (ts.isCallExpression(node) && facts.isGlobal(node.expression, 'setTimeout')) return true;
  }
  return false;
}

/** True when the reference is handed to `addAbortSignal(signal, req)`. */
function passedToAbortSignal(reference: ts.Node): boolean {
  const call = reference.parent;
  return ts.isCallExpression(call) && call.arguments.includes(reference as ts.Expression) && dottedName(call.expression)?.split('.').pop() === 'addAbortSignal';
}

/**
 * True when the request object a call returns is bounded later in the same scope, by the
 * row's timeout method called on it (or, for node's ClientRequest, a manual timer).
 */
function boundLater(call: ts.CallExpression, timeout: HttpTimeoutModel, facts: FileFacts, index: IdentifierIndex): boolean {
  if (chainBounds(call, timeout, facts)) return true;
  const binding = resultBinding(chainEnd(call));
  if (!binding) return false;
  const scope = enclosingFunction(call);
  return index.references(binding, scope, facts).some((use) => chainBounds(use, timeout, facts) || (timeout.clientRequest === true && (insideTimer(use, scope, facts) || passedToAbortSignal(use))));
}

/** A request handed straight to another function (`pipeline(https.get(u), ...)`) may be bounded there. */
function handedOn(call: ts.CallExpression): boolean {
  const end = chainEnd(call);
  const parent = end.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments?.includes(end) ?? false);
}

function requestState(request: HttpRequestCall, facts: FileFacts, index: IdentifierIndex): Setting {
  const timeout = request.model.timeout;
  if (timeout.unjudged || (timeout.requestObject && isOpaqueRequestObject(request))) return 'unknown';
  const init = timeout.requestObject ? requestObjectInit(request.call.arguments[0], facts) : undefined;
  const state = optionsBound(init ? [request.options, init] : [request.options], timeout.options, timeout.combine, facts);
  if (timeout.finiteDefault) return offOnly(state);
  if (state === 'on' || state === 'unknown' || !timeout.method) return state;
  return boundLater(request.call, timeout, facts, index) || handedOn(request.call) ? 'on' : state;
}

/** Clients with a finite default are only reported when the timeout is turned off. */
function offOnly(state: Setting): Setting {
  return state === 'off' ? 'off' : 'on';
}

/** A request is bounded in its options, or (superagent) by a call chained onto it. */
function requestFix(request: HttpRequestCall, context: FixContext): TextEdit[] | undefined {
  const timeout = request.model.timeout;
  if (request.optionsIndex < 0) return timeout.method ? chainTimeout(request.call, timeout.method, context) : undefined;
  return boundArgument(request.call, request.options, request.optionsIndex, timeout, context);
}

/** A factory's last options argument carries the client's timeout (got's `extend` merges them in order). */
function clientFix(client: HttpClientFactoryCall, context: FixContext): TextEdit[] | undefined {
  const last = client.options.length - 1;
  return boundArgument(client.call, client.options[last], Math.max(last, 0), client.model.timeout, context);
}

function clientState(client: HttpClientFactoryCall, facts: FileFacts): Setting {
  const timeout = client.model.timeout;
  const state = optionsBound(client.options, client.factory.timeoutOptions, timeout.combine, facts);
  return timeout.finiteDefault ? offOnly(state) : state;
}

export const rule = defineRule({
  meta,
  create(ctx) {
    const facts = ctx.file.facts;
    const index = new IdentifierIndex(ctx.file.sourceFile);
    const ms = formatMs(ctx.options.defaultTimeoutMs);
    const fixContext: FixContext = { sourceFile: ctx.file.sourceFile, facts, ms, isOff: (value) => isTimeoutOff(value, facts) };
    const pending: Pending[] = [];
    const inBrowser = isClientModule(ctx.file.sourceFile);
    const inTestFile = isTestPath(ctx.file.relativePath);
    const modulesWithDefault = new Set<string>();
    const instancesWithDefault: Binding[] = [];

    const checkRequest = (request: HttpRequestCall): void => {
      if (request.instance) return;
      const state = requestState(request, facts, index);
      if (state !== 'missing' && state !== 'off') return;
      pending.push({
        node: request.call,
        messageId: state === 'off' ? 'requestOff' : 'requestMissing',
        data: { call: request.name, advice: request.model.advice(ms) },
        moduleDefault: state === 'missing' && request.model.timeout.defaults ? request.module : undefined,
        fix: () => requestFix(request, fixContext),
        // A relative URL only runs in a browser, against its own backend; so does a `'use client'` module's call, and
        // one in a React hook's callback or an event handler: a hang shows a spinner, it holds no server resource. A
        // test file's request inside a test its runner times out cannot hang either. On real applications nearly all
        // of these were dismissed (issue 14), so they are hints, not squiggles.
        severity: inBrowser || (request.model.relativeUrlMeansBrowser && isRelativeUrl(request.url, facts)) || runsInBrowserCallback(request.call) || (inTestFile && runsInTimedTest(request.call, facts)) ? 'hint' : undefined,
      });
    };

    const checkClient = (client: HttpClientFactoryCall): void => {
      const state = clientState(client, facts);
      if (state !== 'missing' && state !== 'off') return;
      const silencedByDefaults = state === 'missing' && client.model.timeout.defaults !== undefined;
      pending.push({
        node: client.call,
        messageId: state === 'off' ? 'clientOff' : 'clientMissing',
        data: { call: client.name, setting: `\`${timeoutProperty(client.model.timeout.fix, client.factory.timeoutOptions[0], ms)}\`` },
        moduleDefault: silencedByDefaults ? client.module : undefined,
        binding: silencedByDefaults ? resultBinding(client.call) : undefined,
        fix: () => clientFix(client, fixContext),
      });
    };

    /** `axios.defaults.timeout = ms` on a module or `api.defaults.timeout = ms` on an instance, as the rows model them. */
    const noteDefaultTimeout = (node: ts.BinaryExpression): void => {
      if (node.operatorToken.kind !== SyntaxKind.EqualsToken) return;
      const target = skipOuter(node.left);
      if (!ts.isPropertyAccessExpression(target)) return;
      const defaults = target.expression;
      if (!ts.isPropertyAccessExpression(defaults) || isTimeoutOff(node.right, facts)) return;
      const modelled = DEFAULTS.filter((model) => model.property === defaults.name.text && model.option === target.name.text);
      if (modelled.length === 0) return;
      const owner = skipOuter(defaults.expression);
      const ref = facts.resolve(owner);
      if (ref && ref.path.length === 0 && modelled.some((model) => model.module === ref.module)) {
        modulesWithDefault.add(ref.module);
        return;
      }
      const declared = ts.isIdentifier(owner) ? facts.declarationName(owner) : undefined;
      if (declared) instancesWithDefault.push({ variable: declared });
      // `let api; api = axios.create()` keeps the instance under its dotted name.
      const dotted = dottedName(owner);
      if (dotted) instancesWithDefault.push({ dotted });
    };

    const checkPool = (node: ts.NewExpression): void => {
      const pool = classifyHttpPool(node, facts);
      if (!pool || optionsBound([pool.options], pool.model.timeout.options, pool.model.timeout.combine, facts) !== 'off') return;
      pending.push({ node, messageId: 'poolOff', data: { pool: pool.name, advice: pool.advice }, fix: () => boundArgument(node, pool.options, -1, pool.model.timeout, fixContext) });
    };

    const silencedByInstanceDefault = (binding: Pending['binding']): boolean => {
      if (!binding) return false;
      return instancesWithDefault.some((other) => {
        if ('variable' in binding) return 'variable' in other && binding.variable === other.variable;
        return 'dotted' in other && binding.dotted === other.dotted;
      });
    };

    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = classifyHttpCall(node as ts.CallExpression, facts);
          if (call?.kind === 'request') checkRequest(call);
          else if (call?.kind === 'client') checkClient(call);
        },
        [SyntaxKind.BinaryExpression]: (node) => noteDefaultTimeout(node as ts.BinaryExpression),
        [SyntaxKind.NewExpression]: (node) => checkPool(node as ts.NewExpression),
      },
      end() {
        for (const finding of pending) {
          if (finding.moduleDefault !== undefined && modulesWithDefault.has(finding.moduleDefault)) continue;
          if (silencedByInstanceDefault(finding.binding)) continue;
          ctx.report({ node: finding.node, messageId: finding.messageId, data: finding.data, fix: finding.fix, severity: finding.severity });
        }
      },
    };
  },
  python: checkPython,
});
