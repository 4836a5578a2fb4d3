import { z } from 'zod';
import { ts } from '../../engine/ts.js';
import { contains, dottedName, enclosingFunction, forEachDescendant, lookupProperty } from '../../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { chainedCalls, chainEnd, classifyHttpCall, resultBinding, type HttpClientFactoryCall, type HttpLibrary, type HttpRequestCall } from '../../analysis/http-clients.js';

/** What an options object says about one timeout setting. */
type Setting = 'on' | 'off' | 'missing' | 'unknown';

/** A finding held until the walk ends, when every `*.defaults.timeout` assignment is known. */
interface Pending {
  node: ts.Node;
  message: string;
  /** Silenced by `axios.defaults.timeout = ...` in the file. */
  axiosDefault: boolean;
  /** Silenced by `<binding>.defaults.timeout = ...` (an axios instance). */
  binding?: Binding;
}

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
  if (node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.UndefinedKeyword) return true;
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

function boundOf(options: ts.Expression | undefined, names: string[], facts: FileFacts): Setting {
  return anyBound(names.map((name) => setting(options, name, facts)));
}

function formatMs(ms: number): string {
  return String(ms).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

function advice(library: HttpLibrary, ms: string): string {
  switch (library) {
    case 'fetch':
      return `Pass \`signal: AbortSignal.timeout(${ms})\` in its options.`;
    case 'axios':
      return `Pass \`{ timeout: ${ms} }\` in its config, or set \`axios.defaults.timeout\`.`;
    case 'got':
      return `Pass \`{ timeout: { request: ${ms} } }\`.`;
    case 'node-http':
      return `Pass \`timeout: ${ms}\` in its options, or call \`req.setTimeout(${ms}, () => req.destroy())\`.`;
    case 'superagent':
      return `Chain \`.timeout(${ms})\` onto the request.`;
    default:
      return `Leave the library's default timeout on or set one (${ms} ms).`;
  }
}

function requestMessage(request: HttpRequestCall, state: Setting, ms: string): string {
  const what = state === 'off' ? 'turns its timeout off' : 'has no timeout';
  return `${request.name} ${what}: a slow or unresponsive server would hold this request open indefinitely. ${advice(request.library, ms)}`;
}

function clientMessage(client: HttpClientFactoryCall, state: Setting, ms: string): string {
  const what = state === 'off' ? 'builds a client with its timeout turned off' : 'builds a client with no timeout';
  const fix = client.library === 'got' ? `\`timeout: { request: ${ms} }\`` : `\`timeout: ${ms}\``;
  return `${client.name} ${what}: every request made with it could hang indefinitely. Pass ${fix} when creating it.`;
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

function fetchBound(request: HttpRequestCall, facts: FileFacts): Setting {
  if (isOpaqueRequestObject(request)) return 'unknown';
  const names = request.module === 'node-fetch' ? ['signal', 'timeout'] : ['signal'];
  const fromRequest = requestObjectInit(request.call.arguments[0], facts);
  const settings = [boundOf(request.options, names, facts)];
  if (fromRequest) settings.push(boundOf(fromRequest, names, facts));
  return anyBound(settings);
}

function isGlobalSetTimeout(call: ts.CallExpression, facts: FileFacts): boolean {
  const ref = facts.resolve(call.expression);
  return ref?.module === GLOBAL && ref.path.length === 1 && ref.path[0] === 'setTimeout';
}

function containsMethodCall(node: ts.Node, method: string): boolean {
  let found = false;
  forEachDescendant(node, (child) => {
    if (found) return false;
    if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && child.expression.name.text === method) found = true;
    return undefined;
  });
  return found;
}

/**
 * True when a chain of calls on a request bounds it: `.setTimeout(ms)` / `.timeout(ms)`, or
 * (node http) `.on('socket', s => s.setTimeout(ms))`.
 */
function chainBounds(start: ts.Expression, method: string, facts: FileFacts): boolean {
  const links = ts.isCallExpression(start) ? chainedCalls(start) : chainedFrom(start);
  return links.some(({ name, call }) => {
    if (name === method) return call.arguments.length > 0 && !isTimeoutOff(call.arguments[0], facts);
    return name === 'on' && method === 'setTimeout' && call.arguments.length > 1 && containsMethodCall(call.arguments[1], 'setTimeout');
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

function isPropertyNamePosition(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isPropertyAssignment(parent) && parent.name === id);
}

/** True when a reference sits inside the callback of a global `setTimeout(...)` (a manual abort). */
function insideTimer(reference: ts.Node, scope: ts.Node, facts: FileFacts): boolean {
  for (let node = reference.parent; node && node !== scope; node = node.parent) {
    if (ts.isCallExpression(node) && isGlobalSetTimeout(node, facts)) return true;
  }
  return false;
}

/** True when the reference is handed to `addAbortSignal(signal, req)`. */
function passedToAbortSignal(reference: ts.Node): boolean {
  const call = reference.parent;
  return ts.isCallExpression(call) && call.arguments.includes(reference as ts.Expression) && dottedName(call.expression)?.split('.').pop() === 'addAbortSignal';
}

/**
 * True when the request object a call returns is bounded later in the same scope, by
 * `method` called on it (or a manual timer for node http).
 */
function boundLater(call: ts.CallExpression, method: string, facts: FileFacts, index: IdentifierIndex): boolean {
  if (chainBounds(call, method, facts)) return true;
  const binding = resultBinding(chainEnd(call));
  if (!binding) return false;
  const scope = enclosingFunction(call);
  return index.references(binding, scope, facts).some((use) => chainBounds(use, method, facts) || (method === 'setTimeout' && (insideTimer(use, scope, facts) || passedToAbortSignal(use))));
}

/** A request handed straight to another function (`pipeline(https.get(u), ...)`) may be bounded there. */
function handedOn(call: ts.CallExpression): boolean {
  const end = chainEnd(call);
  const parent = end.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments?.includes(end) ?? false);
}

function requestState(request: HttpRequestCall, facts: FileFacts, index: IdentifierIndex): Setting {
  switch (request.library) {
    case 'fetch':
      return fetchBound(request, facts);
    case 'axios':
    case 'got':
      return boundOf(request.options, ['timeout', 'signal'], facts);
    case 'node-http': {
      const state = boundOf(request.options, ['timeout', 'signal'], facts);
      if (state === 'on' || state === 'unknown') return state;
      return boundLater(request.call, 'setTimeout', facts, index) || handedOn(request.call) ? 'on' : state;
    }
    case 'superagent':
      return boundLater(request.call, 'timeout', facts, index) || handedOn(request.call) ? 'on' : 'missing';
    case 'ky':
      return offOnly(boundOf(request.options, ['timeout'], facts));
    case 'undici':
      return anyOff(request.options, ['headersTimeout', 'bodyTimeout'], facts);
    case 'needle':
      return anyOff(request.options, ['open_timeout', 'timeout'], facts);
  }
}

/** Libraries with a finite default are only reported when the timeout is turned off. */
function offOnly(state: Setting): Setting {
  return state === 'off' ? 'off' : 'on';
}

/** undici and needle: turning off any of these phases leaves the request unbounded. */
function anyOff(options: ts.Expression | undefined, names: string[], facts: FileFacts): Setting {
  return names.some((name) => setting(options, name, facts) === 'off') ? 'off' : 'on';
}

function clientState(client: HttpClientFactoryCall, facts: FileFacts): Setting {
  if (client.library === 'ky') return offOnly(anyBound(client.options.map((options) => boundOf(options, ['timeout'], facts))));
  if (client.options.length === 0) return 'missing';
  return anyBound(client.options.map((options) => boundOf(options, ['timeout'], facts)));
}

const UNDICI_DISPATCHERS: Record<string, number> = { Agent: 0, Client: 1, Pool: 1, BalancedPool: 1 };

export const rule = defineRule({
  meta: {
    id: 'missing-timeout',
    defaultSeverity: 'warning',
    description: 'An outbound network request has no bound on how long it may take.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
    options: { defaultTimeoutMs: z.number().int().min(1).max(600_000).default(10_000).describe('Timeout in milliseconds that quick fixes and messages suggest (missing-timeout).') },
  },
  create(ctx) {
    const facts = ctx.file.facts;
    const index = new IdentifierIndex(ctx.file.sourceFile);
    const ms = formatMs(ctx.options.defaultTimeoutMs);
    const pending: Pending[] = [];
    let axiosDefaultTimeout = false;
    const instancesWithDefault: Binding[] = [];

    const checkRequest = (request: HttpRequestCall): void => {
      if (request.instance) return;
      const state = requestState(request, facts, index);
      if (state !== 'missing' && state !== 'off') return;
      pending.push({
        node: request.call,
        message: requestMessage(request, state, ms),
        axiosDefault: request.library === 'axios' && state === 'missing',
      });
    };

    const checkClient = (client: HttpClientFactoryCall): void => {
      const state = clientState(client, facts);
      if (state !== 'missing' && state !== 'off') return;
      const isAxiosMissing = client.library === 'axios' && state === 'missing';
      pending.push({
        node: client.call,
        message: clientMessage(client, state, ms),
        axiosDefault: isAxiosMissing,
        binding: isAxiosMissing ? resultBinding(client.call) : undefined,
      });
    };

    /** `axios.defaults.timeout = ms` or `api.defaults.timeout = ms`. */
    const noteDefaultTimeout = (node: ts.BinaryExpression): void => {
      if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const target = skipOuter(node.left);
      if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'timeout') return;
      const defaults = target.expression;
      if (!ts.isPropertyAccessExpression(defaults) || defaults.name.text !== 'defaults' || isTimeoutOff(node.right, facts)) return;
      const owner = skipOuter(defaults.expression);
      const ref = facts.resolve(owner);
      if (ref?.module === 'axios' && ref.path.length === 0) {
        axiosDefaultTimeout = true;
        return;
      }
      const declared = ts.isIdentifier(owner) ? facts.declarationName(owner) : undefined;
      if (declared) instancesWithDefault.push({ variable: declared });
      // `let api; api = axios.create()` keeps the instance under its dotted name.
      const dotted = dottedName(owner);
      if (dotted) instancesWithDefault.push({ dotted });
    };

    const checkDispatcher = (node: ts.NewExpression): void => {
      const ref = facts.resolve(node.expression);
      if (ref?.module !== 'undici' || ref.path.length !== 1 || !(ref.path[0] in UNDICI_DISPATCHERS)) return;
      const options = node.arguments?.[UNDICI_DISPATCHERS[ref.path[0]]];
      if (anyOff(options, ['headersTimeout', 'bodyTimeout'], facts) !== 'off') return;
      pending.push({
        node,
        message: `undici ${ref.path[0]} turns its timeout off: requests sent through it could hang indefinitely. Keep \`headersTimeout\` and \`bodyTimeout\` above 0.`,
        axiosDefault: false,
      });
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
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = classifyHttpCall(node as ts.CallExpression, facts);
          if (call?.kind === 'request') checkRequest(call);
          else if (call?.kind === 'client') checkClient(call);
        },
        [ts.SyntaxKind.BinaryExpression]: (node) => noteDefaultTimeout(node as ts.BinaryExpression),
        [ts.SyntaxKind.NewExpression]: (node) => checkDispatcher(node as ts.NewExpression),
      },
      end() {
        for (const finding of pending) {
          if (finding.axiosDefault && axiosDefaultTimeout) continue;
          if (silencedByInstanceDefault(finding.binding)) continue;
          ctx.report({ node: finding.node, message: finding.message });
        }
      },
    };
  },
});
