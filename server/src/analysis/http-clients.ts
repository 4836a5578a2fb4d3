/**
 * Recognition of outbound HTTP calls, shared by the rules that judge them.
 *
 * `classifyHttpCall(call, facts)` says whether a call expression sends an HTTP request
 * (or builds a client instance) with one of the libraries the contract models, and
 * where its URL and per-call options are. It only answers when the file shows where the
 * callee comes from (an import, a require, an unshadowed global): a local function named
 * `fetch` or `this.http.get(...)` is not recognised.
 */
import { ts } from '../engine/ts.js';
import { dottedName, stringValue } from '../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts, type ModuleRef } from '../engine/facts.js';

export type HttpLibrary = 'fetch' | 'axios' | 'got' | 'node-http' | 'superagent' | 'ky' | 'undici' | 'needle';

/** A call that sends one request. */
export interface HttpRequestCall {
  kind: 'request';
  library: HttpLibrary;
  /** The module the callee comes from: `axios`, `node-fetch`, `https`, `<global>`, ... */
  module: string;
  /** How messages name the call: `fetch`, `axios.post`, `https.request`, `got.stream`. */
  name: string;
  /** The HTTP method in upper case when the call shows it, else undefined. */
  method: string | undefined;
  url: ts.Expression | undefined;
  /** The argument that holds the request's options, when one is passed. */
  options: ts.Expression | undefined;
  /** The argument position the options take for this call shape (present or not). */
  optionsIndex: number;
  /** For a call on an instance (`api.get(...)`), the factory call the file shows. */
  instance: ts.CallExpression | undefined;
  call: ts.CallExpression;
}

/** A call that builds a client with defaults: `axios.create`, `got.extend`, `ky.create`. */
export interface HttpClientFactoryCall {
  kind: 'client';
  library: 'axios' | 'got' | 'ky';
  module: string;
  name: string;
  /** The options arguments (got's `extend` takes several). */
  options: ts.Expression[];
  call: ts.CallExpression;
}

export type HttpCall = HttpRequestCall | HttpClientFactoryCall;

const FETCH_MODULES = new Set(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch']);
/** Modules whose default export is `fetch` itself. */
const FETCH_DEFAULT_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch']);
const BROWSER_GLOBALS = new Set(['window', 'self', 'global']);

const AXIOS_URL_CONFIG = new Set(['get', 'delete', 'head', 'options']);
const AXIOS_URL_DATA_CONFIG = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
const KY_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
const SUPERAGENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options']);
const NEEDLE_NO_BODY = new Set(['get', 'head']);
const NEEDLE_WITH_BODY = new Set(['post', 'put', 'patch', 'delete']);

/** Names of factory calls whose result is a client instance, by library. */
const FACTORIES: Record<'axios' | 'got' | 'ky', Set<string>> = {
  axios: new Set(['create']),
  got: new Set(['extend']),
  ky: new Set(['create', 'extend']),
};

function verb(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.replace(/Form$/, '').toLowerCase();
  return lower === 'del' ? 'DELETE' : lower.toUpperCase();
}

function isObjectLiteralValue(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  if (!expr) return false;
  const value = facts.valueOf(expr);
  return value !== undefined && ts.isObjectLiteralExpression(value);
}

/** Names a callback parameter usually has: `resolve`, `cb`, `done`, `onResponse`, `handleReply`. */
const CALLBACK_NAME = /^(resolve|cb|callback|done|next|handler|listener)$|^(on|handle)[A-Z]|(Callback|Handler|Listener)$/;

function isFunctionValue(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  if (!expr) return false;
  const node = skipOuter(expr);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  if (ts.isIdentifier(node)) {
    const declared = facts.declarationName(node);
    if (declared && ts.isFunctionDeclaration(declared.parent)) return true;
    if (CALLBACK_NAME.test(node.text)) return true;
  }
  const value = facts.valueOf(node);
  return value !== undefined && value !== node && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
}

const URL_NAME = /(url|uri|href|endpoint|link)\d*$/i;

/**
 * True when an argument is evidently a URL (a string, a template, `new URL(...)`, or a
 * name that says so), so a call's single argument is not an options object.
 */
export function isUrlLike(expr: ts.Expression | undefined, facts: FileFacts, depth = 0): boolean {
  if (!expr || depth > 4) return false;
  const node = skipOuter(expr);
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'URL';
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isUrlLike(node.left, facts, depth + 1) || isUrlLike(node.right, facts, depth + 1);
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const name = ts.isIdentifier(node) ? node.text : node.name.text;
    if (URL_NAME.test(name)) return true;
    const value = facts.valueOf(node);
    return value !== undefined && value !== node && isUrlLike(value, facts, depth + 1);
  }
  return false;
}

/**
 * Where a callee comes from, also through `window.fetch` and through a conditional that
 * picks one of two modules (`secure ? https : http`).
 */
function calleeModule(callee: ts.Expression, facts: FileFacts): ModuleRef | undefined {
  const node = skipOuter(callee);
  const direct = facts.resolve(node);
  if (direct) return direct;
  if (ts.isPropertyAccessExpression(node)) {
    const base = skipOuter(node.expression);
    if (ts.isIdentifier(base) && BROWSER_GLOBALS.has(base.text) && !facts.isDeclared(base)) return { module: GLOBAL, path: [node.name.text] };
    const module = conditionalModule(base, facts);
    if (module) return { module, path: [node.name.text] };
  }
  return undefined;
}

function conditionalModule(expr: ts.Expression, facts: FileFacts): string | undefined {
  const value = facts.valueOf(expr);
  if (!value || !ts.isConditionalExpression(value)) return undefined;
  const whenTrue = facts.resolve(value.whenTrue);
  const whenFalse = facts.resolve(value.whenFalse);
  if (!whenTrue || !whenFalse || whenTrue.path.length > 0 || whenFalse.path.length > 0) return undefined;
  const modules = new Set([whenTrue.module, whenFalse.module]);
  return [...modules].every((m) => m === 'http' || m === 'https') ? whenTrue.module : undefined;
}

/** The factory call an instance expression was built by (`const api = axios.create()`). */
export function instanceFactory(expr: ts.Expression, facts: FileFacts, depth = 0): HttpClientFactoryCall | undefined {
  const value = facts.valueOf(expr);
  if (!value || !ts.isCallExpression(value) || depth > 4) return undefined;
  const classified = classify(value, facts, depth + 1);
  if (classified?.kind === 'client') return classified;
  return undefined;
}

function request(
  call: ts.CallExpression,
  library: HttpLibrary,
  module: string,
  name: string,
  method: string | undefined,
  urlIndex: number | undefined,
  optionsIndex: number,
  instance?: ts.CallExpression,
): HttpRequestCall {
  return {
    kind: 'request',
    library,
    module,
    name,
    method,
    url: urlIndex === undefined ? undefined : call.arguments[urlIndex],
    options: call.arguments[optionsIndex],
    optionsIndex,
    instance,
    call,
  };
}

/** `(config)` or `(url, config?)`: the options are first when the first argument is an object. */
function urlOrConfig(call: ts.CallExpression, facts: FileFacts): { urlIndex: number | undefined; optionsIndex: number } | undefined {
  const first = call.arguments[0];
  if (isObjectLiteralValue(first, facts)) return { urlIndex: undefined, optionsIndex: 0 };
  if (call.arguments.length >= 2 || isUrlLike(first, facts)) return { urlIndex: 0, optionsIndex: 1 };
  return undefined;
}

function classifyFetch(call: ts.CallExpression, ref: ModuleRef): HttpRequestCall | undefined {
  const isGlobal = ref.module === GLOBAL && ref.path.length === 1 && ref.path[0] === 'fetch';
  const isImported = FETCH_MODULES.has(ref.module) && ((ref.path.length === 0 && FETCH_DEFAULT_MODULES.has(ref.module)) || (ref.path.length === 1 && ref.path[0] === 'fetch'));
  if (!isGlobal && !isImported) return undefined;
  return request(call, 'fetch', ref.module, 'fetch', undefined, 0, 1);
}

function classifyAxios(call: ts.CallExpression, ref: ModuleRef, facts: FileFacts, instance?: HttpClientFactoryCall): HttpCall | undefined {
  const [member, ...rest] = ref.path;
  if (rest.length > 0) return undefined;
  const name = (method: string | undefined): string => (method ? `axios.${method}` : 'axios');
  const on = instance?.call;
  if (member === undefined || member === 'request') {
    const shape = urlOrConfig(call, facts);
    if (!shape) return request(call, 'axios', ref.module, name(member), undefined, undefined, 0, on);
    return request(call, 'axios', ref.module, name(member), undefined, shape.urlIndex, shape.optionsIndex, on);
  }
  if (AXIOS_URL_CONFIG.has(member)) return request(call, 'axios', ref.module, name(member), verb(member), 0, 1, on);
  if (AXIOS_URL_DATA_CONFIG.has(member)) return request(call, 'axios', ref.module, name(member), verb(member), 0, 2, on);
  if (!instance && FACTORIES.axios.has(member)) return { kind: 'client', library: 'axios', module: ref.module, name: 'axios.create', options: [...call.arguments], call };
  return undefined;
}

function classifyGot(call: ts.CallExpression, ref: ModuleRef, facts: FileFacts, instance?: HttpClientFactoryCall): HttpCall | undefined {
  const path = ref.path;
  const on = instance?.call;
  const shaped = (name: string, method: string | undefined): HttpRequestCall => {
    // A lone argument that is not evidently a URL may be an options object the file does not show.
    const shape = urlOrConfig(call, facts) ?? { urlIndex: undefined, optionsIndex: 0 };
    return request(call, 'got', ref.module, name, method, shape.urlIndex, shape.optionsIndex, on);
  };
  if (path.length === 0) return shaped('got', undefined);
  if (path.length === 1 && GOT_METHODS.has(path[0])) return shaped(`got.${path[0]}`, verb(path[0]));
  if (path.length === 1 && (path[0] === 'stream' || path[0] === 'paginate')) return shaped(`got.${path[0]}`, undefined);
  if (path.length === 2 && (path[0] === 'stream' || path[0] === 'paginate') && (GOT_METHODS.has(path[1]) || path[1] === 'all' || path[1] === 'each')) {
    return shaped(`got.${path[0]}.${path[1]}`, GOT_METHODS.has(path[1]) ? verb(path[1]) : undefined);
  }
  if (path.length === 1 && !instance && FACTORIES.got.has(path[0])) return { kind: 'client', library: 'got', module: ref.module, name: 'got.extend', options: [...call.arguments], call };
  return undefined;
}

function classifyKy(call: ts.CallExpression, ref: ModuleRef, instance?: HttpClientFactoryCall): HttpCall | undefined {
  const path = ref.path;
  const on = instance?.call;
  if (path.length === 0) return request(call, 'ky', ref.module, 'ky', undefined, 0, 1, on);
  if (path.length !== 1) return undefined;
  if (KY_METHODS.has(path[0])) return request(call, 'ky', ref.module, `ky.${path[0]}`, verb(path[0]), 0, 1, on);
  if (FACTORIES.ky.has(path[0])) return { kind: 'client', library: 'ky', module: ref.module, name: `ky.${path[0]}`, options: [...call.arguments], call };
  return undefined;
}

function classifyNodeHttp(call: ts.CallExpression, ref: ModuleRef, facts: FileFacts): HttpRequestCall | undefined {
  if (ref.path.length !== 1 || (ref.path[0] !== 'request' && ref.path[0] !== 'get')) return undefined;
  const name = `${ref.module}.${ref.path[0]}`;
  const method = ref.path[0] === 'get' ? 'GET' : undefined;
  const [first, second] = call.arguments;
  if (isObjectLiteralValue(first, facts)) return request(call, 'node-http', ref.module, name, method, undefined, 0);
  if (isUrlLike(first, facts)) {
    const classified = request(call, 'node-http', ref.module, name, method, 0, 1);
    // `(url, callback)` passes no options; `(url, options, callback?)` passes them second.
    const callbackSecond = isFunctionValue(second, facts) && call.arguments.length < 3;
    return callbackSecond ? { ...classified, options: undefined } : classified;
  }
  // The first argument may be an options object the file does not show.
  return { ...request(call, 'node-http', ref.module, name, method, undefined, 0), options: first };
}

function classifySuperagent(call: ts.CallExpression, ref: ModuleRef): HttpRequestCall | undefined {
  if (ref.path.length === 0) {
    // `superagent(method, url)` or `superagent(url)` (a GET).
    if (call.arguments.length >= 2) return request(call, 'superagent', ref.module, 'superagent', stringValue(call.arguments[0])?.toUpperCase(), 1, -1);
    return request(call, 'superagent', ref.module, 'superagent', 'GET', 0, -1);
  }
  if (ref.path.length === 1 && SUPERAGENT_METHODS.has(ref.path[0])) {
    return request(call, 'superagent', ref.module, `superagent.${ref.path[0]}`, verb(ref.path[0]), 0, -1);
  }
  return undefined;
}

function classifyUndici(call: ts.CallExpression, ref: ModuleRef): HttpRequestCall | undefined {
  if (ref.path.length !== 1 || (ref.path[0] !== 'request' && ref.path[0] !== 'stream')) return undefined;
  return request(call, 'undici', ref.module, `undici.${ref.path[0]}`, undefined, 0, 1);
}

function classifyNeedle(call: ts.CallExpression, ref: ModuleRef): HttpRequestCall | undefined {
  const path = ref.path;
  if (path.length === 0 || (path.length === 1 && path[0] === 'request')) {
    // `needle(method, url, data, options, callback)`
    return request(call, 'needle', ref.module, path.length === 0 ? 'needle' : 'needle.request', stringValue(call.arguments[0])?.toUpperCase(), 1, 3);
  }
  if (path.length !== 1) return undefined;
  if (NEEDLE_NO_BODY.has(path[0])) return request(call, 'needle', ref.module, `needle.${path[0]}`, verb(path[0]), 0, 1);
  if (NEEDLE_WITH_BODY.has(path[0])) return request(call, 'needle', ref.module, `needle.${path[0]}`, verb(path[0]), 0, 2);
  return undefined;
}

/** A call on a client instance the file builds: `api.get(...)`, `client(...)`. */
function classifyInstanceCall(call: ts.CallExpression, facts: FileFacts, depth: number): HttpCall | undefined {
  const callee = skipOuter(call.expression);
  const direct = instanceFactory(callee, facts, depth);
  if (direct) return classifyByModule(call, { module: direct.module, path: [] }, facts, direct);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const factory = instanceFactory(callee.expression, facts, depth);
  if (!factory) return undefined;
  return classifyByModule(call, { module: factory.module, path: [callee.name.text] }, facts, factory);
}

function classifyByModule(call: ts.CallExpression, ref: ModuleRef, facts: FileFacts, instance?: HttpClientFactoryCall): HttpCall | undefined {
  if (instance) {
    if (instance.library === 'axios') return classifyAxios(call, ref, facts, instance);
    if (instance.library === 'got') return classifyGot(call, ref, facts, instance);
    return classifyKy(call, ref, instance);
  }
  const fetchCall = classifyFetch(call, ref);
  if (fetchCall) return fetchCall;
  switch (ref.module) {
    case 'axios':
      return classifyAxios(call, ref, facts);
    case 'got':
      return classifyGot(call, ref, facts);
    case 'ky':
      return classifyKy(call, ref);
    case 'http':
    case 'https':
      return classifyNodeHttp(call, ref, facts);
    case 'superagent':
      return classifySuperagent(call, ref);
    case 'undici':
      return classifyUndici(call, ref);
    case 'needle':
      return classifyNeedle(call, ref);
    default:
      return undefined;
  }
}

/**
 * Classifies a call expression as an outbound HTTP request or a client factory, or
 * undefined when it is neither or the file does not show where the callee comes from.
 */
export function classifyHttpCall(call: ts.CallExpression, facts: FileFacts): HttpCall | undefined {
  return classify(call, facts, 0);
}

/** `depth` bounds the search through instance bindings (`const b = a(); const a = b();`). */
function classify(call: ts.CallExpression, facts: FileFacts, depth: number): HttpCall | undefined {
  const ref = calleeModule(call.expression, facts);
  if (ref) return classifyByModule(call, ref, facts);
  return classifyInstanceCall(call, facts, depth);
}

/**
 * The calls chained onto a call's result, innermost first: for
 * `superagent.get(u).set(h).timeout(5)` from the `get` call, the `set` and `timeout` calls.
 */
export function chainedCalls(call: ts.CallExpression): Array<{ name: string; call: ts.CallExpression }> {
  const chain: Array<{ name: string; call: ts.CallExpression }> = [];
  let current: ts.Expression = call;
  for (;;) {
    const access = current.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== current) return chain;
    const next = access.parent;
    if (!next || !ts.isCallExpression(next) || next.expression !== access) return chain;
    chain.push({ name: access.name.text, call: next });
    current = next;
  }
}

/** The outermost call of a chain that starts at `call` (the call itself when nothing is chained). */
export function chainEnd(call: ts.CallExpression): ts.CallExpression {
  const chain = chainedCalls(call);
  return chain.length > 0 ? chain[chain.length - 1].call : call;
}

/**
 * The name a call's result is kept under in its scope: the variable of
 * `const req = http.request(...)`, or the target of `this.req = ...` or a class field
 * (as dotted text, `this.req`).
 */
export function resultBinding(expr: ts.Expression): { variable: ts.Identifier } | { dotted: string } | undefined {
  let node: ts.Node = expr;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return { variable: parent.name };
  // A class field `client = axios.create()` is used as `this.client`.
  if (parent && ts.isPropertyDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return { dotted: `this.${parent.name.text}` };
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const dotted = dottedName(parent.left);
    if (dotted) return { dotted };
  }
  return undefined;
}
