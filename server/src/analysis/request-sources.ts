import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, forEachNode, isFunctionNode, propertyName, type FunctionNode } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { resolveCallee, returnedValues, sameFileCalls, type SameFileCalls } from './functions.js';
import { FETCH_BODY_READERS } from '../models/http-clients.js';
import { REQUEST_EVENTS } from '../models/request-events.js';
import { REQUEST_TEXT_PARSERS } from '../models/request-parsers.js';
import { REQUEST_READERS } from '../models/request-readers.js';
import type { ParsedFile } from '../engine/rule.js';

/** Parameter names that hold an incoming request (express, koa, hono, Lambda, socket.io, ws). */
const REQUEST_NAMES = /^(req|request|ctx|context|c|event|evt|socket|client|handshake|incoming|upgradeReq|httpRequest|rawRequest)$/;
/** Type names of incoming requests, serverless events' too. */
// regex-bound: an alternation of the fixed type names of this file and models/request-events.ts (identifiers, no quantifier), anchored.
const REQUEST_TYPES = new RegExp(`(^|\\.)(${['Request', 'NextRequest', 'NextApiRequest', 'IncomingMessage', 'FastifyRequest', 'Context', 'HttpRequest', 'Socket', ...REQUEST_EVENTS.flatMap((event) => event.types)].join('|')})\\b`);
/** Parts of a request that carry what the client sent, serverless events' fields too. */
const REQUEST_PARTS = new Set(['headers', 'header', 'rawHeaders', 'cookies', 'cookie', 'signedCookies', 'query', 'body', 'params', 'param', 'searchParams', 'url', 'originalUrl', 'handshake', 'get', ...REQUEST_EVENTS.flatMap((event) => event.fields)]);
/** Nest parameter decorators that inject client-sent values. */
const NEST_REQUEST_DECORATORS = new Set(['Headers', 'Req', 'Request', 'Query', 'Body', 'Param', 'Cookies', 'Cookie', 'Session']);
/** Calls that only reshape a value: parsing a URL, query string or cookie header, decoding. */
const RESHAPING_CALLS = new Set(['URL', 'URLSearchParams', 'parse', 'decodeURIComponent', 'String', 'trim', 'split', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'at', 'pop', 'shift', 'get', 'getAll', 'toString', 'match', 'exec']);
/** NestJS guards and interceptors: `context.switchToHttp().getRequest()` is the incoming request, `switchToWs().getClient()` the socket. */
const REQUEST_GETTERS = [{ method: 'getRequest', host: 'switchToHttp' }, { method: 'getClient', host: 'switchToWs' }];
const MAX_DEPTH = 6;

type Substitutions = Map<ts.ParameterDeclaration, ts.Expression>;

interface Binding {
  name: ts.Identifier;
  /** The parameter or variable declaration the name belongs to. */
  owner: ts.ParameterDeclaration | ts.VariableDeclaration;
  /** The keys destructuring takes the name from: `authorization` in `const { authorization } = req.headers`. */
  path: string[];
}

/**
 * Traces whether values come from an incoming request, within a file: through locals,
 * destructuring, reassignment, reshaping calls, same-file helpers' returns, and
 * parameters whose same-file callers pass request values.
 */
export class RequestSources {
  private bindings?: Map<string, Binding[]>;
  private autoImported?: Set<string>;
  private readonly calls: SameFileCalls;
  private readonly sourceFile: ts.SourceFile;
  private readonly facts: FileFacts;

  constructor(private readonly file: Pick<ParsedFile, 'sourceFile' | 'facts' | 'relativePath'>, private readonly acceptCaller: (call: ts.CallExpression) => boolean = () => true) {
    this.sourceFile = file.sourceFile;
    this.facts = file.facts;
    this.calls = sameFileCalls(file.sourceFile, file.facts);
  }

  /** True when the expression's value comes from the request the enclosing handler received. */
  fromRequest(expr: ts.Expression): boolean {
    return this.trace(expr, new Map(), 0, new Set());
  }

  private trace(expr: ts.Expression, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    if (depth > MAX_DEPTH) return false;
    let node = skipOuter(expr);
    while (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    const next = (inner: ts.Expression, nextSubs: Substitutions = subs): boolean => this.trace(inner, nextSubs, depth + 1, seen);

    if (ts.isIdentifier(node)) return this.traceIdentifier(node, subs, depth, seen);
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => next(span.expression));
    if (ts.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken, SyntaxKind.AmpersandAmpersandToken, SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
      return next(node.left) || next(node.right);
    }
    if (ts.isConditionalExpression(node)) return next(node.whenTrue) || next(node.whenFalse);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.traceAccess(node, subs, depth, seen);
    if (ts.isNewExpression(node)) {
      const name = ts.isIdentifier(node.expression) ? node.expression.text : '';
      return RESHAPING_CALLS.has(name) && node.arguments?.[0] !== undefined && next(node.arguments[0]);
    }
    if (ts.isCallExpression(node)) return this.traceCall(node, subs, depth, seen);
    return false;
  }

  /** `req.headers.authorization`, `ctx.cookies.get('t')`, `socket.handshake.auth.token`: a request part off a request root. */
  private traceAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    const parts: string[] = [];
    let current: ts.Expression = node;
    for (;;) {
      current = skipOuter(current);
      // `h3.parseCookies(event).session`: a modelled reader's value, whatever is read off it.
      if (ts.isCallExpression(current) && this.readsRequest(current)) return true;
      if (ts.isAwaitExpression(current)) {
        current = current.expression;
      } else if (ts.isPropertyAccessExpression(current)) {
        parts.unshift(current.name.text);
        current = current.expression;
      } else if (ts.isElementAccessExpression(current)) {
        parts.unshift(propertyName(current.argumentExpression) ?? '[]');
        current = current.expression;
      } else if (ts.isCallExpression(current) && !this.isRequestGetter(current) && (ts.isPropertyAccessExpression(skipOuter(current.expression)) || ts.isElementAccessExpression(skipOuter(current.expression)))) {
        current = current.expression;
      } else {
        break;
      }
    }
    if (parts.some((part) => REQUEST_PARTS.has(part)) && this.isRequestRoot(current, subs)) return true;
    // A reshaped value: `new URL(req.url).searchParams.get('token')`, `cookie.parse(header).token`, `getToken(req).value`,
    // `(req.headers.get('authorization') || '').split(' ')[1]`.
    return (ts.isCallExpression(current) || ts.isNewExpression(current) || ts.isIdentifier(current) || ts.isBinaryExpression(current) || ts.isConditionalExpression(current)) && this.trace(current, subs, depth + 1, seen);
  }

  private traceCall(call: ts.CallExpression, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    const callee = skipOuter(call.expression);
    if (this.readsRequest(call)) return true;
    // A same-file helper, a method of the class too: `this.extractToken(request)`.
    const helper = resolveCallee(call, this.facts);
    if (helper) return this.traceReturns(helper, call, depth, seen);
    // `await request.json()`, `await c.req.formData()`: the body a handler's request carries (a response builder such as hono's `c.json(data)` takes arguments).
    if (ts.isPropertyAccessExpression(callee) && call.arguments.length === 0 && FETCH_BODY_READERS.has(callee.name.text) && this.isRequestRoot(callee.expression, subs)) return true;
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) return this.traceAccess(callee, subs, depth, seen) || this.traceReshape(call, subs, depth, seen);
    return this.traceReshape(call, subs, depth, seen);
  }

  private traceReshape(call: ts.CallExpression, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    const name = calleeName(call);
    return name !== undefined && (RESHAPING_CALLS.has(name) || this.parsesRequestText(call)) && call.arguments[0] !== undefined && this.trace(call.arguments[0], subs, depth + 1, seen);
  }

  /** A modelled request reader: `cookies()` of next/headers, h3's `getCookie(event, 'session')`, auto-imported in Nuxt too. */
  private readsRequest(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const ref = this.facts.resolve(callee);
    if (ref) return REQUEST_READERS.some((row) => row.modules.includes(ref.module) && (!row.exports || row.exports.includes(ref.path.join('.'))));
    return ts.isIdentifier(callee) && !this.facts.isDeclared(callee) && this.autoImportedNames().has(callee.text);
  }

  /** The readers a framework makes globals in this file: h3's in a Nuxt `server/` file that defines its handler with the unbound `defineEventHandler`. */
  private autoImportedNames(): Set<string> {
    if (this.autoImported) return this.autoImported;
    const folders = this.file.relativePath.split(/[\\/]/).slice(0, -1);
    const unboundCalls = new Set<string>();
    forEachNode(this.sourceFile, (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && !this.facts.isDeclared(node.expression)) unboundCalls.add(node.expression.text);
    });
    this.autoImported = new Set(REQUEST_READERS.flatMap((row) =>
      row.autoImport && folders.includes(row.autoImport.folder) && row.autoImport.handlers.some((handler) => unboundCalls.has(handler)) ? row.exports ?? [] : []));
    return this.autoImported;
  }

  /** A modelled parser under any local name: `import { parse as parseCookie } from 'cookie'`. */
  private parsesRequestText(call: ts.CallExpression): boolean {
    const ref = this.facts.resolve(call.expression);
    return ref !== undefined && REQUEST_TEXT_PARSERS.some((row) => row.modules.includes(ref.module) && row.exports.includes(ref.path.join('.')));
  }

  /** A same-file helper's return values, with its parameters bound to this call's arguments. */
  private traceReturns(helper: FunctionNode, call: ts.CallExpression, depth: number, seen: Set<ts.Node>): boolean {
    if (seen.has(helper)) return false;
    const subs: Substitutions = new Map();
    helper.parameters.forEach((param, i) => {
      if (call.arguments[i]) subs.set(param, call.arguments[i]);
    });
    const inner = new Set(seen).add(helper);
    return returnedValues(helper).some((expr) => expr !== undefined && this.trace(expr, subs, depth + 1, inner));
  }

  private traceIdentifier(id: ts.Identifier, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    const binding = this.bindingOf(id);
    if (!binding || seen.has(binding.name)) return false;
    const nextSeen = new Set(seen).add(binding.name);
    const owner = binding.owner;
    if (ts.isParameter(owner)) {
      if (isNestRequestParameter(owner) && owner.name === binding.name) return true;
      const substituted = subs.get(owner);
      if (substituted) return owner.name === binding.name ? this.trace(substituted, new Map(), depth + 1, nextSeen) : this.destructuredFrom(substituted, new Map(), depth, nextSeen);
      if (owner.name !== binding.name && this.destructuresRequest(owner, binding.path)) return true; // `({ headers }) => ...`
      return this.fromCallers(owner, depth, nextSeen);
    }
    const sources: ts.Expression[] = owner.initializer ? [owner.initializer] : [];
    sources.push(...this.assignmentsTo(binding));
    // `const { headers } = context.switchToHttp().getRequest()`: a request part destructured from the request itself.
    const requestPart = binding.path.length > 0 && REQUEST_PARTS.has(binding.path[0]);
    return sources.some((source) => this.trace(source, subs, depth + 1, nextSeen) || (requestPart && this.isRequestRoot(source, subs)));
  }

  private destructuredFrom(source: ts.Expression, subs: Substitutions, depth: number, seen: Set<ts.Node>): boolean {
    return this.trace(source, subs, depth + 1, seen) || this.isRequestRoot(source, subs);
  }

  /** A parameter of a function the file calls: do its callers pass a request value? */
  private fromCallers(param: ts.ParameterDeclaration, depth: number, seen: Set<ts.Node>): boolean {
    const fn = param.parent;
    if (!isFunctionNode(fn)) return false;
    const index = fn.parameters.indexOf(param);
    return this.calls.of(fn).some((call) => this.acceptCaller(call) && call.arguments[index] !== undefined && this.trace(call.arguments[index], new Map(), depth + 1, seen));
  }

  /** True when an expression is the incoming request object itself. */
  private isRequestRoot(expr: ts.Expression, subs: Substitutions, seen: ReadonlySet<ts.Node> = new Set()): boolean {
    let node = skipOuter(expr);
    while (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (ts.isCallExpression(node)) return this.readsRequest(node) || this.isRequestGetter(node);
    if (ts.isPropertyAccessExpression(node)) return ['req', 'request'].includes(node.name.text) && this.isRequestRoot(node.expression, subs, seen);
    if (!ts.isIdentifier(node)) return false;
    const binding = this.bindingOf(node);
    if (!binding || binding.owner.name !== binding.name) return false;
    // `const request = context.switchToHttp().getRequest()`: a local holding the request.
    if (ts.isVariableDeclaration(binding.owner)) return !!binding.owner.initializer && !seen.has(binding.owner) && this.isRequestRoot(binding.owner.initializer, subs, new Set(seen).add(binding.owner));
    const substituted = subs.get(binding.owner);
    if (substituted) return this.isRequestRoot(substituted, new Map(), seen);
    return this.isRequestParameter(binding.owner) || this.callersPassRequest(binding.owner, seen);
  }

  /** `function userFromSocket(upgradeRequest)` called as `userFromSocket(request)` from an upgrade listener. */
  private callersPassRequest(param: ts.ParameterDeclaration, seen: ReadonlySet<ts.Node>): boolean {
    const fn = param.parent;
    if (!isFunctionNode(fn) || seen.has(param) || seen.size >= MAX_DEPTH) return false;
    const index = fn.parameters.indexOf(param);
    const inner = new Set(seen).add(param);
    return this.calls.of(fn).some((call) => this.acceptCaller(call) && call.arguments[index] !== undefined && this.isRequestRoot(call.arguments[index], new Map(), inner));
  }

  /** `context.switchToHttp().getRequest()`, also through a const holding `switchToHttp()`. */
  private isRequestGetter(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const getter = REQUEST_GETTERS.find((candidate) => candidate.method === callee.name.text);
    if (!getter) return false;
    const host = this.facts.valueOf(callee.expression) ?? skipOuter(callee.expression);
    return ts.isCallExpression(host) && calleeName(host) === getter.host;
  }

  /**
   * A name destructured from a request parameter: `({ headers })`, `({ request, cookies })`, or any
   * key of a parameter typed as a request. `({ idToken })` of a component is the app's own value.
   */
  private destructuresRequest(param: ts.ParameterDeclaration, path: readonly string[]): boolean {
    return this.isRequestParameter(param) || (path.length > 0 && (REQUEST_PARTS.has(path[0]) || REQUEST_NAMES.test(path[0])));
  }

  private isRequestParameter(param: ts.ParameterDeclaration): boolean {
    if (isNestRequestParameter(param)) return true;
    if (param.type && REQUEST_TYPES.test(param.type.getText())) return true;
    return ts.isIdentifier(param.name) && REQUEST_NAMES.test(param.name.text);
  }

  private bindingOf(id: ts.Identifier): Binding | undefined {
    const candidates = this.index().get(id.text);
    if (!candidates) return undefined;
    let best: { binding: Binding; width: number } | undefined;
    for (const binding of candidates) {
      const scope = bindingScope(binding.owner);
      if (id.getStart() < scope.getStart() || id.getEnd() > scope.getEnd()) continue;
      if (!best || scope.getWidth() < best.width) best = { binding, width: scope.getWidth() };
    }
    return best?.binding;
  }

  private assignmentsTo(binding: Binding): ts.Expression[] {
    const found: ts.Expression[] = [];
    const scope = bindingScope(binding.owner);
    forEachNode(scope, (node) => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && node.left.text === binding.name.text && this.bindingOf(node.left) === binding) {
        found.push(node.right);
      }
    });
    return found;
  }

  private index(): Map<string, Binding[]> {
    if (this.bindings) return this.bindings;
    const bindings = new Map<string, Binding[]>();
    const addNames = (name: ts.BindingName, owner: Binding['owner'], path: string[]): void => {
      if (ts.isIdentifier(name)) {
        const list = bindings.get(name.text) ?? [];
        list.push({ name, owner, path });
        bindings.set(name.text, list);
        return;
      }
      for (const element of name.elements) {
        if (!ts.isBindingElement(element)) continue;
        const key = ts.isObjectBindingPattern(name) ? propertyName(element.propertyName ?? element.name) ?? '' : '[]';
        addNames(element.name, owner, [...path, key]);
      }
    };
    forEachNode(this.sourceFile, (node) => {
      if (ts.isParameter(node) || ts.isVariableDeclaration(node)) addNames(node.name, node, []);
    });
    this.bindings = bindings;
    return bindings;
  }
}

function bindingScope(owner: ts.ParameterDeclaration | ts.VariableDeclaration): ts.Node {
  if (ts.isParameter(owner)) return owner.parent;
  const list = owner.parent;
  const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
  let current: ts.Node = list.parent;
  while (current.parent && !ts.isSourceFile(current) && !ts.isFunctionLike(current) && !(blockScoped && (ts.isBlock(current) || ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current)))) {
    current = current.parent;
  }
  return current;
}

function isNestRequestParameter(param: ts.ParameterDeclaration): boolean {
  return (ts.getDecorators(param) ?? []).some((decorator) => {
    const expr = decorator.expression;
    const name = ts.isCallExpression(expr) ? calleeName(expr) : ts.isIdentifier(expr) ? expr.text : undefined;
    return name !== undefined && NEST_REQUEST_DECORATORS.has(name);
  });
}
