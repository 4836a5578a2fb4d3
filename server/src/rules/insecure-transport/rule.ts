import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachDescendant, getProperty, isFunctionNode, iteratedCollection, lookupProperty, propertyName, propertyValue, someDescendant, stringValue } from '../../engine/ast.js';
import { resolveCallee, sameFileCalls, type SameFileCalls } from '../../analysis/functions.js';
import { GLOBAL, skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { classifyHttpCall } from '../../analysis/http-clients.js';
import { HTTP_CLIENTS, MOCK_SERVERS } from '../../models/http-clients.js';
import { isLogCall } from '../../analysis/logging.js';
import { isAssertedValue, isAssertionCall } from '../../analysis/test-files.js';
import { insecureUrl, secureSchemeEdit, type ClearTextUrl } from '../../analysis/urls.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

/** Properties that set a client's base URL wherever they appear. */
const BASE_URL_PROPS = new Set(['baseURL', 'baseUrl', 'prefixUrl', 'baseURI', 'baseUri']);
/** Properties that carry the target URL in the options of a client or request call. */
const CLIENT_URL_PROPS = new Set(['url', 'uri', 'endpoint', 'host', 'origin', 'server', 'serverUrl', 'apiUrl', 'node', 'nodes', 'href']);
/** Constructors that open a connection to their first argument. */
const CONNECTING_CLASSES = /^(WebSocket|ReconnectingWebSocket|EventSource|Request|GraphQLClient|Client|Pool|HttpLink|WebSocketLink|\w+Client)$/;
/** Method names of HTTP client instances (`this.http.get(url)`, `apiClient.post(url)`). */
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
/** Receiver names that say a client: generic ones, or a modelled client's module name (`axios`, `https`). */
const CLIENT_RECEIVER_NAMES = new Set(['httpClient', 'client', 'api', 'apiClient', 'agent', 'request', ...HTTP_CLIENTS.flatMap((model) => model.modules)]);
const CLIENT_RECEIVER_SUFFIX = /^\w+(Client|Api|Http)$/;
/** Calls that take a client's or request's options (`createClient({ url })`, `request({ uri })`). */
const CLIENT_FACTORY = /client|request|connect|fetch|ajax|socket/i;
/** Calls whose arguments are not sent anywhere by the call itself. */
const NOT_OUTBOUND = new Set([
  'redirect', 'render', 'json', 'send', 'write', 'end', 'location', 'setHeader', 'header', 'push', 'unshift', 'set', 'add', 'has',
  'includes', 'startsWith', 'endsWith', 'match', 'test', 'replace', 'indexOf', 'split', 'concat', 'encodeURI', 'encodeURIComponent',
  'String', 'eq', 'ne', 'expect', 'equal', 'strictEqual', 'deepEqual', 'toBe', 'toEqual', 'describe', 'it', 'test', 'nock', 'intercept', 'emit',
]);
/**
 * First words of a call that judges or transforms a URL rather than sending to it:
 * `assertSafeUrl(url)`, `validateRedirectUri(uri)`, `isAllowedUrl(u)`, `checkForYoutubeUrl(u)`,
 * `resolveStorageUrl(u)`.
 */
const JUDGING_WORDS = new Set(['assert', 'validate', 'is', 'sanitize', 'normalize', 'parse', 'check', 'resolve']);
/**
 * Last words of a call that reads a part of a URL rather than sending to it: `getTenantId(url)`,
 * `extractHost(url)`, `subdomainOf`-style readers named for what they return.
 */
const URL_PART_WORDS = new Set(['id', 'host', 'hostname', 'path', 'pathname', 'domain', 'subdomain', 'origin', 'port', 'protocol', 'scheme', 'query', 'params', 'segments', 'slug', 'tenant']);
/** Words of a name that says the URL is where a browser or a provider is sent back to (`redirectUri`, `callbackUrl`), not one this code requests. */
const REDIRECT_WORDS = new Set(['redirect', 'callback', 'return']);
/** Array methods that return some of the same elements. */
const SUBSET_METHODS = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed']);
/** A name that says it holds a URL: `API_URL`, `partnerEndpoint`, `baseUrl`, `WS_URI`. */
const URL_WORDS = new Set(['url', 'uri', 'endpoint', 'base', 'host', 'origin', 'server', 'href']);

function isUrlName(name: string): boolean {
  const words = splitWords(name);
  return URL_WORDS.has(words[words.length - 1] ?? '');
}

class UrlTracer {
  private readonly reassignedParams = new Map<ts.ParameterDeclaration, boolean>();
  /** What the file's calls pass for each parameter, walked once. */
  private readonly passed = new Map<ts.ParameterDeclaration, ts.Expression[]>();

  constructor(private readonly facts: FileFacts, private readonly calls: SameFileCalls) {}

  /** The string or template literals an expression's URL starts with, following the file's consts. */
  literals(expr: ts.Expression | undefined, depth = 0): ts.Expression[] {
    if (!expr || depth > 6) return [];
    const node = skipOuter(expr);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
    if (ts.isTemplateExpression(node)) return node.head.text === '' ? this.literals(node.templateSpans[0].expression, depth + 1) : [node];
    if (ts.isBinaryExpression(node)) return this.binaryLiterals(node, depth);
    if (ts.isConditionalExpression(node)) return [...this.literals(node.whenTrue, depth + 1), ...this.literals(node.whenFalse, depth + 1)];
    if (ts.isIdentifier(node)) {
      const value = this.facts.valueOf(node);
      return value && value !== node ? this.literals(value, depth + 1) : this.bindingLiterals(node, depth);
    }
    if (ts.isPropertyAccessExpression(node)) return this.propertyLiterals(node, depth);
    if (ts.isNewExpression(node) && this.isUrlConstructor(node)) return this.urlConstructorLiterals(node, depth);
    if (ts.isCallExpression(node)) {
      // `url.toString()` and `String(url)` are the URL itself.
      const callee = skipOuter(node.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString') return this.literals(callee.expression, depth + 1);
      if (ts.isIdentifier(callee) && callee.text === 'String') return this.literals(node.arguments[0], depth + 1);
    }
    return [];
  }

  private binaryLiterals(node: ts.BinaryExpression, depth: number): ts.Expression[] {
    const kind = node.operatorToken.kind;
    if (kind === SyntaxKind.PlusToken) return this.literals(node.left, depth + 1);
    if (kind === SyntaxKind.QuestionQuestionToken || kind === SyntaxKind.BarBarToken) return [...this.literals(node.left, depth + 1), ...this.literals(node.right, depth + 1)];
    return [];
  }

  /**
   * A name the file binds without an initializer it can follow: a parameter's default
   * (`function listen(url = HUB_URL)`) or what the file's calls pass for it, or a loop variable / callback parameter over a
   * const array (`for (const url of URLS)`, `PARTNERS.map(({ tokenUrl }) => ...)`).
   */
  private bindingLiterals(id: ts.Identifier, depth: number): ts.Expression[] {
    const declared = this.facts.declarationName(id);
    if (!declared) return [];
    const binding = declared.parent;
    if (ts.isParameter(binding) && !binding.dotDotDotToken && !this.isReassigned(binding, declared)) {
      const shown = [...(binding.initializer ? this.literals(binding.initializer, depth + 1) : []), ...this.passedLiterals(binding, depth)];
      if (shown.length > 0) return shown;
    }
    if (ts.isBindingElement(binding) && ts.isObjectBindingPattern(binding.parent) && !binding.dotDotDotToken) {
      const key = propertyName(binding.propertyName ?? binding.name);
      const owner = binding.parent.parent;
      if (!key || !(ts.isVariableDeclaration(owner) || ts.isParameter(owner))) return [];
      // `const { tokenUrl } = partner` reads `partner.tokenUrl`; in a loop or callback, each element's.
      if (ts.isVariableDeclaration(owner) && owner.initializer) return this.memberLiterals(owner.initializer, key, depth);
      return this.iteratedElements(owner).flatMap((element) => this.memberLiterals(element, key, depth));
    }
    if (ts.isVariableDeclaration(binding) || ts.isParameter(binding)) {
      return this.iteratedElements(binding).flatMap((element) => this.literals(element, depth + 1));
    }
    return [];
  }

  /**
   * What the file's own calls pass for a parameter of a helper: `get(\`${IMDS}/document\`)` for
   * the `url` that `function get(url) { http.get(url) }` requests.
   */
  private passedLiterals(param: ts.ParameterDeclaration, depth: number): ts.Expression[] {
    const known = this.passed.get(param);
    if (known) return known;
    // Set before the walk: a function that passes its own parameter on to itself adds nothing, and is not walked again.
    const found: ts.Expression[] = [];
    this.passed.set(param, found);
    const fn = param.parent;
    if (!isFunctionNode(fn)) return found;
    const index = fn.parameters.indexOf(param);
    for (const call of this.calls.of(fn)) found.push(...this.literals(call.arguments[index], depth + 1));
    return found;
  }

  /** Whether a parameter is assigned in its function, so its default may not be what is used. */
  private isReassigned(param: ts.ParameterDeclaration, declared: ts.Identifier): boolean {
    const known = this.reassignedParams.get(param);
    if (known !== undefined) return known;
    let assigned = false;
    forEachDescendant(param.parent, (node) => {
      if (assigned) return false;
      const isAssignment = ts.isBinaryExpression(node) && node.operatorToken.kind >= SyntaxKind.FirstAssignment && node.operatorToken.kind <= SyntaxKind.LastAssignment;
      if (isAssignment && ts.isIdentifier(node.left) && this.facts.declarationName(node.left) === declared) assigned = true;
      return undefined;
    });
    this.reassignedParams.set(param, assigned);
    return assigned;
  }

  /**
   * The elements of the const array literal a binding walks: the variable of a
   * `for (const x of ARRAY)`, or the first parameter of an `ARRAY.map/forEach/...` callback.
   */
  private iteratedElements(binding: ts.VariableDeclaration | ts.ParameterDeclaration): ts.Expression[] {
    const iterated = iteratedCollection(binding);
    const array = iterated && this.arrayValue(iterated);
    if (!array) return [];
    return array.elements.filter((element) => !ts.isSpreadElement(element) && !ts.isOmittedExpression(element));
  }

  /** The const array literal an expression is, or a subset of: `PARTNERS`, `PARTNERS.filter((p) => p.enabled)`. */
  private arrayValue(expr: ts.Expression, depth = 0): ts.ArrayLiteralExpression | undefined {
    const value = this.shownValue(expr);
    if (!value || depth > 4) return undefined;
    if (ts.isArrayLiteralExpression(value)) return value;
    const callee = ts.isCallExpression(value) ? skipOuter(value.expression) : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && SUBSET_METHODS.has(callee.name.text)) return this.arrayValue(callee.expression, depth + 1);
    return undefined;
  }

  /** `config.partner.url` on a const object literal, `url.href` on a `new URL(...)`. */
  private propertyLiterals(node: ts.PropertyAccessExpression, depth: number): ts.Expression[] {
    return this.memberLiterals(node.expression, node.name.text, depth);
  }

  /** The literals of property `name` of an object the file shows, or of each element a loop variable walks. */
  private memberLiterals(base: ts.Expression, name: string, depth: number): ts.Expression[] {
    if (depth > 6) return [];
    const owner = this.shownValue(base);
    if (!owner) return this.iteratedMemberLiterals(base, name, depth);
    if (ts.isObjectLiteralExpression(owner)) return this.literals(propertyValue(getProperty(owner, name)), depth + 1);
    if (ts.isNewExpression(owner) && this.isUrlConstructor(owner) && name === 'href') return this.urlConstructorLiterals(owner, depth);
    return [];
  }

  /** `partner.tokenUrl` where `partner` walks a const array of object literals. */
  private iteratedMemberLiterals(base: ts.Expression, name: string, depth: number): ts.Expression[] {
    const node = skipOuter(base);
    const declared = ts.isIdentifier(node) ? this.facts.declarationName(node) : undefined;
    const binding = declared?.parent;
    if (!binding || !(ts.isVariableDeclaration(binding) || ts.isParameter(binding)) || binding.name !== declared) return [];
    return this.iteratedElements(binding).flatMap((element) => this.memberLiterals(element, name, depth + 1));
  }

  /** The value the file shows for an expression, seeing through `Object.freeze(...)`. */
  private shownValue(expr: ts.Expression): ts.Expression | undefined {
    const value = this.facts.valueOf(expr);
    if (!value || !ts.isCallExpression(value) || value.arguments.length !== 1) return value;
    const callee = skipOuter(value.expression);
    const isFreeze = ts.isPropertyAccessExpression(callee) && callee.name.text === 'freeze' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && !this.facts.isDeclared(callee.expression);
    return isFreeze ? this.facts.valueOf(value.arguments[0]) : value;
  }

  isUrlConstructor(node: ts.NewExpression): boolean {
    return ts.isIdentifier(node.expression) && node.expression.text === 'URL' && !this.facts.isDeclared(node.expression);
  }

  /** `new URL(path, base)` sends to the base unless the first argument is absolute. */
  private urlConstructorLiterals(node: ts.NewExpression, depth: number): ts.Expression[] {
    const [input, base] = node.arguments ?? [];
    return [...this.literals(input, depth + 1), ...this.literals(base, depth + 1)];
  }
}

function urlLabel(url: ClearTextUrl): string {
  return `${url.scheme}://${url.host}`;
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(context) {
    const { facts } = context.file;
    const tracer = new UrlTracer(facts, sameFileCalls(context.file.sourceFile, facts));
    const reported = new Set<ts.Node>();
    const localHosts = context.options.localHosts;

    const check = (expr: ts.Expression | undefined, what: string): void => {
      for (const literal of tracer.literals(expr)) {
        if (reported.has(literal)) continue;
        const url = insecureUrl(literal, localHosts);
        if (!url) continue;
        reported.add(literal);
        const secure = url.scheme === 'ws' ? 'wss://' : 'https://';
        context.report({ node: literal, messageId: 'clearText', data: { call: what, url: urlLabel(url), secure }, fix: () => secureSchemeEdit(literal) });
      }
    };

    /** URL properties in a request's or client's options object the file shows. */
    const checkOptions = (options: ts.Expression | undefined, what: string): void => {
      for (const name of CLIENT_URL_PROPS) {
        const found = lookupProperty(options, name, facts);
        if (found.kind === 'present') check(found.value, what);
      }
    };

    const checkCall = (call: ts.CallExpression): void => {
      const http = classifyHttpCall(call, facts);
      if (http?.kind === 'request') {
        check(http.url, http.name);
        checkOptions(http.options, http.name);
        return;
      }
      if (http?.kind === 'client') {
        for (const options of http.options) checkOptions(options, http.name);
        return;
      }
      checkOtherCall(call);
    };

    /** Clients the shared recogniser does not model: instances, socket.io, jQuery, XHR, beacons. */
    const checkOtherCall = (call: ts.CallExpression): void => {
      const callee = skipOuter(call.expression);
      const name = calleeName(call) ?? '';
      const ref = facts.resolve(callee);
      if (ref && (ref.module === 'socket.io-client' || (ref.module === GLOBAL && ref.path[0] === 'io'))) return check(call.arguments[0], 'socket.io');
      if (ref && MOCK_SERVERS.some((mock) => mock.modules.includes(ref.module))) return;
      if (ts.isPropertyAccessExpression(callee)) {
        const receiver = dottedName(callee.expression) ?? '';
        const receiverName = receiver.split('.').pop() ?? '';
        if ((receiver === '$' || receiver === 'jQuery') && (name === 'ajax' || name === 'get' || name === 'post' || name === 'getJSON')) {
          check(call.arguments[0], `$.${name}`);
          return checkOptions(call.arguments[0], `$.${name}`);
        }
        if (receiver === 'navigator' && name === 'sendBeacon') return check(call.arguments[0], 'navigator.sendBeacon');
        if (name === 'open' && /^(get|post|put|patch|delete|head)$/i.test(stringValue(call.arguments[0]) ?? '')) return check(call.arguments[1], 'XMLHttpRequest.open');
        const isClientReceiver = CLIENT_RECEIVER_NAMES.has(receiverName) || CLIENT_RECEIVER_SUFFIX.test(receiverName);
        if (REQUEST_METHODS.has(name) && isClientReceiver) return check(call.arguments[0], `${receiver}.${name}`);
      }
      if (CLIENT_FACTORY.test(name)) checkOptions(call.arguments[0], name);
      checkUrlNamedArguments(call, name);
    };

    /** A URL-named const (`PARTNER_URL`) bound to a literal and handed to a call counts as used for a call. */
    const checkUrlNamedArguments = (call: ts.CallExpression | ts.NewExpression, name: string): void => {
      // The cheap test first: most calls pass no URL-named value, and then the callee need not be judged.
      const urlArguments = (call.arguments ?? []).filter((arg) => startsWithUrlName(arg) && !namesRedirectTarget(arg));
      if (urlArguments.length === 0) return;
      const words = splitWords(name);
      if (NOT_OUTBOUND.has(name) || JUDGING_WORDS.has(words[0] ?? '') || URL_PART_WORDS.has(words[words.length - 1] ?? '') || isAssertionCall(call)) return;
      if (ts.isCallExpression(call) && (isLogCall(call, facts) || buildsDataOnly(call))) return;
      for (const arg of urlArguments) check(arg, name || 'this call');
    };

    /** A function of this file that calls nothing (`httpInput(url)` returning `{ url, method }`) cannot send its argument anywhere. */
    const buildsDataOnly = (call: ts.CallExpression): boolean => {
      const callee = resolveCallee(call, facts);
      return callee?.body !== undefined && !someDescendant(callee.body, (node) => ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node));
    };

    /** `redirectUri`, `new URL(callbackUrl)`: a URL the code hands on for a redirect or a callback, which it does not request. */
    const namesRedirectTarget = (arg: ts.Expression): boolean => {
      const node = skipOuter(arg);
      if (ts.isNewExpression(node) && tracer.isUrlConstructor(node)) return node.arguments?.[0] !== undefined && namesRedirectTarget(node.arguments[0]);
      const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '';
      return splitWords(name).some((word) => REDIRECT_WORDS.has(word));
    };

    /** Whether an argument starts with a URL-named value: `API_URL`, `${BASE_URL}/x`, `cfg.apiUrl + '/x'`, `new URL(p, BASE)`. */
    const startsWithUrlName = (arg: ts.Expression): boolean => {
      const node = skipOuter(arg);
      if (ts.isIdentifier(node)) return isUrlName(node.text);
      if (ts.isPropertyAccessExpression(node)) return isUrlName(node.name.text);
      if (ts.isTemplateExpression(node) && node.head.text === '') return startsWithUrlName(node.templateSpans[0].expression);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.PlusToken) return startsWithUrlName(node.left);
      if (ts.isNewExpression(node) && tracer.isUrlConstructor(node)) return (node.arguments ?? []).some(startsWithUrlName);
      return false;
    };

    const checkNew = (node: ts.NewExpression): void => {
      const name = calleeName(node) ?? '';
      if (tracer.isUrlConstructor(node)) return;
      if (CONNECTING_CLASSES.test(name)) {
        check(node.arguments?.[0], `new ${name}`);
        checkOptions(node.arguments?.[0], `new ${name}`);
        return;
      }
      checkUrlNamedArguments(node, name);
    };

    /**
     * `baseURL: 'http://…'` sets where a client sends everything, wherever the options object
     * goes, except into an assertion (`toHaveBeenCalledWith({ baseURL })`), which only compares it.
     */
    const checkUrlProperty = (prop: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void => {
      const name = propertyName(prop.name);
      if (name && BASE_URL_PROPS.has(name) && !isAssertedValue(prop)) check(propertyValue(prop), name);
    };

    /** A class's base URL: `override baseURL = 'http://…'` of a RESTDataSource, `this.baseURL = …` in its constructor, `api.defaults.baseURL = …`. */
    const checkBaseUrlMember = (node: ts.PropertyDeclaration | ts.BinaryExpression): void => {
      if (ts.isPropertyDeclaration(node)) {
        const name = propertyName(node.name);
        if (name && BASE_URL_PROPS.has(name)) check(node.initializer, name);
        return;
      }
      const target = skipOuter(node.left);
      if (node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(target) && BASE_URL_PROPS.has(target.name.text)) check(node.right, target.name.text);
    };

    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => checkCall(node as ts.CallExpression),
        [SyntaxKind.PropertyDeclaration]: (node) => checkBaseUrlMember(node as ts.PropertyDeclaration),
        [SyntaxKind.BinaryExpression]: (node) => checkBaseUrlMember(node as ts.BinaryExpression),
        [SyntaxKind.NewExpression]: (node) => checkNew(node as ts.NewExpression),
        [SyntaxKind.PropertyAssignment]: (node) => checkUrlProperty(node as ts.PropertyAssignment),
        [SyntaxKind.ShorthandPropertyAssignment]: (node) => checkUrlProperty(node as ts.ShorthandPropertyAssignment),
      },
    };
  },
});
