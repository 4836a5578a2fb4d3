/**
 * Recognition of outbound HTTP calls, shared by the rules that judge them.
 *
 * `classifyHttpCall(call, facts)` says whether a call expression sends an HTTP request
 * (or builds a client instance) with one of the clients `models/http-clients.ts` lists,
 * and where its URL and per-call options are. It only answers when the file shows where the
 * callee comes from (an import, a require, an unshadowed global): a local function named
 * `fetch` or `this.http.get(...)` is not recognised.
 */
import { SyntaxKind, ts } from '../engine/ts.js';
import { dottedName, stringValue } from '../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts, type ModuleRef } from '../engine/facts.js';
import { HTTP_CLIENTS, type CallShape, type HttpClientModel, type HttpFactoryModel } from '../models/http-clients.js';
import { isModuleAssetUrl } from './urls.js';
import { rememberedPerParse } from './memo.js';

/** A call that sends one request. */
export interface HttpRequestCall {
  kind: 'request';
  /** The row of `models/http-clients.ts` the call matched. */
  model: HttpClientModel;
  /** The row's `library`, for analyses that name it. */
  library: string;
  /** The module the callee comes from: `axios`, `node-fetch`, `https`, `<global>`, ... */
  module: string;
  /** How messages name the call: `fetch`, `axios.post`, `https.request`, `got.stream`. */
  name: string;
  /** The HTTP method in upper case when the call shows it, else undefined. */
  method: string | undefined;
  url: ts.Expression | undefined;
  /** The argument that holds the request's options, when one is passed. */
  options: ts.Expression | undefined;
  /** The argument position the options take for this call shape (present or not); -1 when it takes none. */
  optionsIndex: number;
  /** For a call on an instance (`api.get(...)`), the factory call the file shows. */
  instance: ts.CallExpression | undefined;
  call: ts.CallExpression;
}

/** A call that builds a client with defaults: `axios.create`, `got.extend`, `ky.create`. */
export interface HttpClientFactoryCall {
  kind: 'client';
  model: HttpClientModel;
  /** The row's factory entry the call matched. */
  factory: HttpFactoryModel;
  library: string;
  module: string;
  name: string;
  /** How messages name the calls of the client it builds: `axios` for `api.get` → `axios.get`. */
  client: string;
  /** The options arguments (got's `extend` takes several). */
  options: ts.Expression[];
  call: ts.CallExpression;
}

export type HttpCall = HttpRequestCall | HttpClientFactoryCall;

/** `new Agent(options)`: a connection pool of a modelled client, with the options it is given. */
export interface HttpPoolConstruction {
  model: HttpClientModel;
  /** How messages name it: `undici Agent`. */
  name: string;
  options: ts.Expression | undefined;
  /** What a message advises when the pool turns its timeouts off. */
  advice: string;
}

const BROWSER_GLOBALS = new Set(['window', 'self', 'global']);

/** Member names that say the HTTP method: `get`, `del`, `postForm`. */
const VERB_NAME = /^(get|post|put|patch|delete|del|head|options)(Form)?$/;

/** The HTTP method a member's last name says (`stream.get` → GET), else undefined. */
function verbOf(member: string): string | undefined {
  const match = VERB_NAME.exec(member.split('.').pop() ?? '');
  if (!match) return undefined;
  return match[1] === 'del' ? 'DELETE' : match[1].toUpperCase();
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
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken) {
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
 * picks one of two modules of the same client (`secure ? https : http`).
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
  const sameClient = HTTP_CLIENTS.some((model) => model.modules.includes(whenTrue.module) && model.modules.includes(whenFalse.module));
  return sameClient ? whenTrue.module : undefined;
}

/** The factory call an instance expression was built by (`const api = axios.create()`). */
export function instanceFactory(expr: ts.Expression, facts: FileFacts, depth = 0): HttpClientFactoryCall | undefined {
  const value = facts.valueOf(expr);
  if (!value || !ts.isCallExpression(value) || depth > 4) return undefined;
  const classified = classify(value, facts, depth + 1);
  if (classified?.kind === 'client') return classified;
  return undefined;
}

/** Where a call of one shape has its URL, its options and (for some) its method. */
interface Located {
  url: ts.Expression | undefined;
  options: ts.Expression | undefined;
  optionsIndex: number;
  method?: string;
}

function at(call: ts.CallExpression, urlIndex: number | undefined, optionsIndex: number): Located {
  return { url: urlIndex === undefined ? undefined : call.arguments[urlIndex], options: call.arguments[optionsIndex], optionsIndex };
}

function locate(call: ts.CallExpression, shape: CallShape, facts: FileFacts): Located {
  const [first, second] = call.arguments;
  switch (shape) {
    case 'url-or-options':
      // A lone argument that is not evidently a URL may be an options object the file does not show.
      if (isObjectLiteralValue(first, facts) || (call.arguments.length < 2 && !isUrlLike(first, facts))) return at(call, undefined, 0);
      return at(call, 0, 1);
    case 'url-or-options-then-callback':
      if (!isObjectLiteralValue(first, facts) && isUrlLike(first, facts)) {
        // `(url, callback)` passes no options; `(url, options, callback?)` passes them second.
        const callbackSecond = isFunctionValue(second, facts) && call.arguments.length < 3;
        return callbackSecond ? { ...at(call, 0, 1), options: undefined } : at(call, 0, 1);
      }
      // The first argument is the options, perhaps an object the file does not show.
      return at(call, undefined, 0);
    case 'method-and-url-or-url':
      if (call.arguments.length >= 2) return { ...at(call, 1, -1), method: stringValue(first)?.toUpperCase() };
      return { ...at(call, 0, -1), method: 'GET' };
    default:
      return { ...at(call, shape.url, shape.options ?? -1), method: shape.method === undefined ? undefined : stringValue(call.arguments[shape.method])?.toUpperCase() };
  }
}

/** A client the callee is, or is a member of: its row, module and the name messages give it. */
interface ClientRef {
  model: HttpClientModel;
  module: string;
  name: string;
}

/**
 * Classifies a call of `member` (dotted; `''` for the client itself) on a client: a
 * request when the row lists the member's shape, a factory when it lists it as one.
 */
function classifyMember(call: ts.CallExpression, client: ClientRef, member: string, facts: FileFacts, instance?: HttpClientFactoryCall): HttpCall | undefined {
  const { model, module } = client;
  const name = member === '' ? client.name : `${client.name}.${member}`;
  const shape = member === '' ? model.callable : model.methods?.find((method) => method.names.includes(member))?.shape;
  if (shape) {
    const located = locate(call, shape, facts);
    if (isModuleAssetUrl(located.url, facts)) return undefined;
    return { kind: 'request', model, library: model.library, module, name, method: located.method ?? verbOf(member), url: located.url, options: located.options, optionsIndex: located.optionsIndex, instance: instance?.call, call };
  }
  const factory = model.factories;
  if (factory?.names.includes(member) && (!instance || factory.onInstances)) {
    return { kind: 'client', model, factory, library: model.library, module, name, client: client.name, options: [...call.arguments], call };
  }
  return undefined;
}

/** A call of an export of a module: each row of that module tries the export as one of its clients or a member of one. */
function classifyByModule(call: ts.CallExpression, ref: ModuleRef, facts: FileFacts): HttpCall | undefined {
  for (const model of HTTP_CLIENTS) {
    if (!model.modules.includes(ref.module)) continue;
    for (const client of model.clients) {
      const clientPath = client === '' ? [] : client.split('.');
      if (clientPath.some((name, i) => ref.path[i] !== name)) continue;
      const found = classifyMember(call, { model, module: ref.module, name: model.name ?? (client || ref.module) }, ref.path.slice(clientPath.length).join('.'), facts);
      if (found) return found;
    }
  }
  return undefined;
}

/** A call on a client instance the file builds: `api.get(...)`, `client(...)`. */
function classifyInstanceCall(call: ts.CallExpression, facts: FileFacts, depth: number): HttpCall | undefined {
  const callee = skipOuter(call.expression);
  const direct = instanceFactory(callee, facts, depth);
  if (direct) return classifyMember(call, { model: direct.model, module: direct.module, name: direct.client }, '', facts, direct);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const factory = instanceFactory(callee.expression, facts, depth);
  if (!factory) return undefined;
  return classifyMember(call, { model: factory.model, module: factory.module, name: factory.client }, callee.name.text, facts, factory);
}

/**
 * Classifies a call expression as an outbound HTTP request or a client factory, or
 * undefined when it is neither or the file does not show where the callee comes from.
 */
export const classifyHttpCall: (call: ts.CallExpression, facts: FileFacts) => HttpCall | undefined = rememberedPerParse((call: ts.CallExpression, facts: FileFacts) => classify(call, facts, 0));

/** `depth` bounds the search through instance bindings (`const b = a(); const a = b();`). */
function classify(call: ts.CallExpression, facts: FileFacts, depth: number): HttpCall | undefined {
  const ref = calleeModule(call.expression, facts);
  if (ref) return classifyByModule(call, ref, facts);
  return classifyInstanceCall(call, facts, depth);
}

/** `new Agent(options)` from a client whose row models its pools, with the options it is given. */
export function classifyHttpPool(node: ts.NewExpression, facts: FileFacts): HttpPoolConstruction | undefined {
  const ref = facts.resolve(node.expression);
  if (!ref || ref.path.length !== 1) return undefined;
  const constructor = ref.path[0];
  const model = HTTP_CLIENTS.find((candidate) => candidate.modules.includes(ref.module) && candidate.pools && Object.hasOwn(candidate.pools.constructors, constructor));
  const pools = model?.pools;
  if (!model || !pools) return undefined;
  return { model, name: `${model.name ?? ref.module} ${constructor}`, options: node.arguments?.[pools.constructors[constructor]], advice: pools.advice };
}

/** Names of clients whose requests resolve to a fetch `Response`: a parameter so named is one (`load({ fetch })`). */
const RESPONSE_CLIENT_NAMES = new Set(HTTP_CLIENTS.filter((model) => model.resolvesToResponse).flatMap((model) => model.clients.filter((client) => client !== '')));

/**
 * A call that resolves to a fetch `Response` whatever its status: a modelled client's
 * request, or a call of a `fetch` a framework passes in as a parameter (`load({ fetch })`).
 */
export function isResponseCall(call: ts.CallExpression, facts: FileFacts): boolean {
  const classified = classifyHttpCall(call, facts);
  if (classified?.kind === 'request' && classified.model.resolvesToResponse) return true;
  const callee = skipOuter(call.expression);
  if (!ts.isIdentifier(callee) || !RESPONSE_CLIENT_NAMES.has(callee.text)) return false;
  const declared = facts.declarationName(callee);
  return declared !== undefined && (ts.isParameter(declared.parent) || ts.isBindingElement(declared.parent));
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
  if (parent && ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === SyntaxKind.EqualsToken) {
    const dotted = dottedName(parent.left);
    if (dotted) return { dotted };
  }
  return undefined;
}
