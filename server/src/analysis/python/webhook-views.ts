/**
 * The POST views of a Python web app (Flask, FastAPI, Django, DRF, Starlette) and which of them
 * receive webhooks: read by the unverified-webhook rule and by the integration map.
 */
import { callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, definitionHead, definitionStatement, field, forEachDescendant, methodClass, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_WEB_FRAMEWORKS, PY_WEBHOOK_VERIFIERS } from '../../models/python.js';
import { isSignatureShapedHeader } from '../signature-headers.js';

const FRAMEWORKS = PY_WEB_FRAMEWORKS[0];
const PROVIDERS = PY_WEBHOOK_VERIFIERS[0];
const HOOK = /hook/i;
/** FastAPI's request-header parameter default: `linear_signature: str = Header(None)` reads `Linear-Signature`. */
const HEADER_PARAMETERS = new Set(['fastapi.Header', 'fastapi.params.Header', 'Header']);
/** Django's `request.META` key for a request header: `HTTP_` and the name in upper case, `_` for `-`. */
const META_HEADER = /^HTTP_[A-Z0-9_]+$/;

/** A header name as sent, lower case: a Django META key or a FastAPI parameter name has `_` for `-`. */
function headerName(name: string, underscored: boolean): string {
  const lowered = name.toLowerCase();
  return underscored ? lowered.replace(/_/g, '-') : lowered;
}

/**
 * Whether a view reads a signature header in any of its forms: a provider's listed header
 * (`Stripe-Signature`, `HTTP_STRIPE_SIGNATURE`, `stripe_signature`), or any header shaped like
 * one, as JS/TS judges it (`"Linear-Signature"`, `"HTTP_LINEAR_SIGNATURE"`, a FastAPI
 * `linear_signature: str = Header()` parameter).
 */
export function readsSignatureHeader(definition: PyNode, facts: PyFacts): boolean {
  const folded = facts.textOf(definition).toLowerCase().replace(/_/g, '-');
  if (PROVIDERS.headers.some((header) => folded.includes(header))) return true;
  let found = false;
  forEachDescendant(definition, (node) => {
    if (found) return false;
    const literal = node.type === 'string' ? stringValue(node, facts.text) : undefined;
    if (literal !== undefined) found = isSignatureShapedHeader(headerName(META_HEADER.test(literal) ? literal.slice(5) : literal, META_HEADER.test(literal)));
    else if (isHeaderParameter(node, facts)) found = isSignatureShapedHeader(headerName(facts.textOf(field(node, 'name') ?? namedChildren(node)[0]), true));
    return !found && node.type !== 'string';
  });
  return found;
}

/** A parameter whose default, or `Annotated[...]` type, is FastAPI's `Header(...)`. */
function isHeaderParameter(parameter: PyNode, facts: PyFacts): boolean {
  if (parameter.parent?.type !== 'parameters') return false;
  const isHeader = (node: PyNode | undefined) => node?.type === 'call' && HEADER_PARAMETERS.has(facts.qualify(field(node, 'function')) ?? '');
  if (isHeader(unwrap(field(parameter, 'value')))) return true;
  let annotated = false;
  const type = field(parameter, 'type');
  if (type) forEachDescendant(type, (node) => !(annotated ||= isHeader(node)));
  return annotated;
}

/** A POST view of a Flask / FastAPI / Django / DRF / Starlette app. */
export interface PyPostView {
  definition: PyNode;
  /** Where the finding goes: the route decorator, or the `def` line. */
  head: PyNode;
  label: string;
  path?: string;
  /** FastAPI `dependencies=[Depends(verify)]` on the registration. */
  registration?: PyNode;
  /** Where the file makes and mounts the route's router (`APIRouter(...)`, `include_router(router, ...)`): their prefix and dependencies are the route's too. */
  routerCalls?: PyNode[];
}

function methodsInclude(list: PyNode | undefined, facts: PyFacts, method: string): boolean {
  const value = unwrap(facts.valueOf(list));
  return value !== undefined && namedChildren(value).some((item) => stringValue(item, facts.text)?.toUpperCase() === method);
}

/** The literal `prefix=` / `url_prefix=` of a call, or ''. */
function prefixOf(call: PyNode | undefined, facts: PyFacts): string {
  if (!call) return '';
  const { keywords } = callArguments(call, facts.text);
  const keyword = FRAMEWORKS.prefixKeywords.find((name) => keywords.has(name));
  return (keyword && stringValue(field(keywords.get(keyword), 'value'), facts.text)) || '';
}

/** Where the file mounts its routers (`app.include_router(router, prefix=...)`), by the router's name. */
const routerMounts = perFile((facts) => {
  const mounts = new Map<string, PyNode>();
  for (const call of facts.ofType('call')) {
    if (!FRAMEWORKS.mountMethods.includes(calleeName(call, facts.text) ?? '')) continue;
    const router = callArguments(call, facts.text).positional[0];
    if (router) mounts.set(facts.textOf(router), call);
  }
  return mounts;
});

/** The calls that make and mount a router or blueprint, the mount first (its prefix comes first in the path). */
function routerCalls(router: PyNode, facts: PyFacts): PyNode[] {
  return [routerMounts(facts).get(facts.textOf(router)), facts.instanceOf(router)?.call].filter((call) => call !== undefined);
}

/**
 * Whether a route decorator's router may be one of the frameworks the rows list: made by one of
 * their constructors, or by nothing the file shows; an aiohttp `web.RouteTableDef()` (or any
 * other imported library's router) is not.
 */
function ofListedFramework(router: PyNode, facts: PyFacts): boolean {
  const made = facts.instanceOf(router)?.name;
  const root = made?.split('.')[0];
  if (!made || !facts.importedRoots().has(root!)) return true;
  return FRAMEWORKS.modules.some((module) => made === module || made.startsWith(`${module}.`));
}

/** Flask / FastAPI / DRF registrations of a POST view by decorator. */
function decoratedRoute(definition: PyNode, facts: PyFacts): PyPostView | undefined {
  for (const decorator of decoratorsOf(definition)) {
    const expression = unwrap(decoratorExpression(decorator));
    if (expression?.type !== 'call') continue;
    const method = calleeName(expression, facts.text);
    const args = callArguments(expression, facts.text);
    const path = stringValue(args.positional[0], facts.text);
    if (method === FRAMEWORKS.apiView) {
      if (methodsInclude(args.positional[0] ?? field(args.keywords.get('http_method_names'), 'value'), facts, 'POST')) return { definition, head: decorator, label: facts.textOf(field(definition, 'name')!) };
      continue;
    }
    const router = calleeObject(expression);
    if (!method || !FRAMEWORKS.routeMethods.includes(method) || !router || !ofListedFramework(router, facts)) continue;
    const isPost = FRAMEWORKS.postOnly.includes(method) || methodsInclude(field(args.keywords.get('methods'), 'value'), facts, 'POST');
    if (!isPost) continue;
    const calls = routerCalls(router, facts);
    const prefix = calls.map((call) => prefixOf(call, facts)).join('');
    return { definition, head: decorator, label: `POST ${path === undefined ? facts.textOf(field(definition, 'name')!) : prefix + path}`, path: prefix + (path ?? ''), registration: expression, routerCalls: calls };
  }
  return undefined;
}

/**
 * Starlette `Route(path, endpoint, methods=["POST"])`, and `Route(path, SomeEndpoint)` of an
 * `HTTPEndpoint` class of the file (its `post` method answers POST): the endpoints by name, with their paths.
 */
function starletteRoutes(facts: PyFacts): Map<string, string> {
  const routes = new Map<string, string>();
  const classes = new Set(facts.ofType('class_definition').map((cls) => facts.textOf(field(cls, 'name')!)));
  for (const call of facts.ofType('call')) {
    if (!FRAMEWORKS.starletteRoutes.includes(facts.qualify(field(call, 'function')) ?? '')) continue;
    const args = callArguments(call, facts.text);
    const endpoint = args.positional[1] ?? field(args.keywords.get('endpoint'), 'value');
    const methods = field(args.keywords.get('methods'), 'value');
    if (endpoint?.type !== 'identifier') continue;
    if ((methods && methodsInclude(methods, facts, 'POST')) || classes.has(facts.textOf(endpoint))) routes.set(facts.textOf(endpoint), stringValue(args.positional[0], facts.text) ?? '');
  }
  return routes;
}

/** The name of the class a function is a method of; empty for a plain function. */
function className(definition: PyNode, facts: PyFacts): string {
  const cls = methodClass(definition);
  return cls ? facts.textOf(field(cls, 'name')!) : '';
}

/** A method of a class-based view: a base class named as the frameworks' views are (`APIView`, `generic.View`, `HTTPEndpoint`). */
function isViewClass(definition: PyNode, facts: PyFacts): boolean {
  const bases = field(methodClass(definition), 'superclasses');
  return bases !== undefined && namedChildren(bases).some((base) => {
    const name = facts.textOf(base).split('.').pop() ?? '';
    return FRAMEWORKS.viewClassSuffixes.some((suffix) => name.endsWith(suffix));
  });
}

/** `@csrf_exempt`, `@require_POST`: a Django view, in `views.py` or any other module. */
function hasDjangoViewDecorator(definition: PyNode, facts: PyFacts): boolean {
  return decoratorsOf(definition).some((decorator) => {
    const expression = unwrap(decoratorExpression(decorator));
    const target = expression?.type === 'call' ? field(expression, 'function') : expression;
    return FRAMEWORKS.djangoViewDecorators.includes(facts.qualify(target) ?? '');
  });
}

/**
 * The functions the file hands to a call as a keyword argument (`ModelMultipleChoiceFilter(queryset=get_queryset)`):
 * that call's callbacks, by name. The URL configuration routes a view; a function given to another call is not one.
 */
const keywordCallbacks = perFile((facts) => {
  const names = new Set<string>();
  for (const keyword of facts.ofType('keyword_argument')) {
    const value = unwrap(field(keyword, 'value'));
    if (value?.type === 'identifier' && keyword.parent?.parent?.type === 'call') names.add(facts.textOf(value));
  }
  return names;
});

/** The POST views of the file. */
export function pyPostViews(facts: PyFacts, path: string): PyPostView[] {
  const found: PyPostView[] = [];
  const starlette = starletteRoutes(facts);
  const callbacks = keywordCallbacks(facts);
  const djangoViews = /(^|[\\/])views?(\.py$|[\\/])/.test(path);
  for (const definition of facts.ofType('function_definition')) {
    const name = facts.textOf(field(definition, 'name')!);
    const routed = decoratedRoute(definition, facts);
    if (routed) {
      found.push(routed);
      continue;
    }
    const params = field(definition, 'parameters');
    const first = params ? namedChildren(params)[0] : undefined;
    const firstName = first ? facts.textOf(field(first, 'name') ?? first) : '';
    if (starlette.has(name)) found.push({ definition, head: definitionHead(definition), label: `POST ${starlette.get(name) || name}`, path: starlette.get(name) });
    else if (name === 'post' && methodClass(definition)) {
      const cls = className(definition, facts);
      const routedAt = starlette.get(cls);
      if (routedAt !== undefined) found.push({ definition, head: definition, label: `POST ${routedAt || cls}`, path: routedAt });
      else if (isViewClass(definition, facts)) found.push({ definition, head: definition, label: `${cls}.post` });
    }
    // A view is defined at module level: a decorator's wrapper, decorated with @wraps or not, is not one.
    else if (((djangoViews && !callbacks.has(name)) || hasDjangoViewDecorator(definition, facts)) && firstName === 'request' && definitionStatement(definition).parent?.type !== 'block') found.push({ definition, head: definitionHead(definition), label: name });
  }
  return found;
}

/** A view that receives webhooks: its path, name, class or file says `hook`, or it reads a signature header. */
export function isWebhookView(handler: PyPostView, facts: PyFacts, path: string): boolean {
  const name = facts.textOf(field(handler.definition, 'name')!);
  if (HOOK.test(handler.path ?? '') || HOOK.test(name) || HOOK.test(className(handler.definition, facts)) || HOOK.test(path.replace(/\\/g, '/'))) return true;
  return readsSignatureHeader(handler.definition, facts);
}
