import { callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, definitionHead, definitionStatement, field, forEachDescendant, forEachInScope, methodClass, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { PY_SIGNED_IN_NAMING, PY_SIGNED_IN_ROUTES, PY_WEB_FRAMEWORKS, PY_WEBHOOK_VERIFIERS } from '../../models/python.js';
import { splitWords } from '../../secrets/words.js';

export const PYTHON_MESSAGES = {
  pyUnverified: '{{route}} does not verify the webhook signature: anyone who finds the URL can forge events. Verify the raw body first (stripe.Webhook.construct_event, svix Webhook(secret).verify, or hmac.new(...) compared with hmac.compare_digest).',
};

const FRAMEWORKS = PY_WEB_FRAMEWORKS[0];
const PROVIDERS = PY_WEBHOOK_VERIFIERS[0];
const HOOK = /hook/i;
/** Whether code reads a signature header in any of its forms: `Stripe-Signature`, `HTTP_STRIPE_SIGNATURE`, `stripe_signature`. */
function readsSignatureHeader(code: string): boolean {
  const folded = code.toLowerCase().replace(/_/g, '-');
  return PROVIDERS.headers.some((header) => folded.includes(header));
}

const VERIFYING_WORDS = ['verif', 'valid', 'check', 'authenticat'];
const VERIFIED_WORDS = ['sig', 'hmac', 'webhook', 'hook', 'request', 'payload', 'token'];

/** A name that says it verifies a signature: `verify_signature`, `validate_webhook`, `is_valid_hmac`. */
function isVerifierName(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) => VERIFYING_WORDS.some((start) => word.startsWith(start))) && words.some((word) => VERIFIED_WORDS.some((start) => word.startsWith(start)));
}

interface Handler {
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

/** Flask / FastAPI / DRF registrations of a POST view by decorator. */
function decoratedRoute(definition: PyNode, facts: PyFacts): Handler | undefined {
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
    if (!method || !FRAMEWORKS.routeMethods.includes(method) || !router) continue;
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

/** The POST views of the file. */
function handlers(facts: PyFacts, path: string): Handler[] {
  const found: Handler[] = [];
  const starlette = starletteRoutes(facts);
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
    else if ((djangoViews || hasDjangoViewDecorator(definition, facts)) && firstName === 'request' && definitionStatement(definition).parent?.type !== 'block') found.push({ definition, head: definitionHead(definition), label: name });
  }
  return found;
}

function isWebhook(handler: Handler, facts: PyFacts, path: string): boolean {
  const name = facts.textOf(field(handler.definition, 'name')!);
  if (HOOK.test(handler.path ?? '') || HOOK.test(name) || HOOK.test(className(handler.definition, facts)) || HOOK.test(path.replace(/\\/g, '/'))) return true;
  return readsSignatureHeader(facts.textOf(handler.definition));
}

const SIGNED_IN = PY_SIGNED_IN_NAMING;
const DEPENDENCY_CALLS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.dependencyCalls ?? []);
const PERMISSIONS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.permissions ?? []);
const PERMISSION_ATTRIBUTES = PY_SIGNED_IN_ROUTES.flatMap((row) => row.permissionAttribute ?? []);

/** `get_current_user`, `login_required`, `BaseUserController`, `LoginRequiredMixin`; never a name about the hook or its signature. */
function saysSignedIn(name: string, kind: 'dependency' | 'decorator' | 'base'): boolean {
  const words = splitWords(name);
  if (!words.some((word) => SIGNED_IN.userWords.includes(word)) || words.some((word) => SIGNED_IN.hookParts.some((part) => word.includes(part)))) return false;
  if (kind === 'base') return SIGNED_IN.baseKinds.includes(words[words.length - 1]);
  return kind === 'dependency' || words.some((word) => SIGNED_IN.requiringWords.includes(word));
}

/** The names handed to a dependency call (`Depends(...)`, `Security(...)`) under a node. */
function dependencyNames(node: PyNode | undefined, facts: PyFacts): string[] {
  const names: string[] = [];
  if (node) forEachInScope(node, (current) => {
    if (current.type === 'call' && DEPENDENCY_CALLS.includes(calleeName(current, facts.text) ?? '')) {
      const dependency = unwrap(callArguments(current, facts.text).positional[0]);
      const name = dependency && (dependency.type === 'call' ? calleeName(dependency, facts.text) : facts.textOf(dependency).split('.').pop());
      if (name) names.push(name);
    }
  });
  return names;
}

/** Whether a node names a signed-in-only permission class (`IsAuthenticated`, `permissions.IsAdminUser`). */
function namesPermission(node: PyNode, facts: PyFacts): boolean {
  let found = false;
  forEachDescendant(node, (current) => {
    if (current.type === 'identifier' && PERMISSIONS.includes(facts.textOf(current))) found = true;
    return !found;
  });
  return found;
}

/**
 * A route that only a signed-in user or an admin can call: a provider's delivery carries no
 * user session, so the route manages webhooks (CRUD of the app's own hook settings) rather
 * than receiving them. FastAPI user dependencies (on the parameters, the registration, or the
 * router where it is made or mounted), login / permission decorators, user or admin controller and mixin base classes,
 * DRF `IsAuthenticated` / `IsAdminUser` permissions.
 */
function requiresSignedInUser(handler: Handler, facts: PyFacts): boolean {
  const { definition } = handler;
  const dependencies = [field(definition, 'parameters'), handler.registration, ...(handler.routerCalls ?? [])].flatMap((node) => dependencyNames(node, facts));
  if (dependencies.some((name) => saysSignedIn(name, 'dependency'))) return true;
  for (const decorator of decoratorsOf(definition)) {
    const expression = unwrap(decoratorExpression(decorator));
    const name = expression?.type === 'call' ? calleeName(expression, facts.text) : expression && facts.textOf(expression).split('.').pop();
    if ((name && saysSignedIn(name, 'decorator')) || namesPermission(decorator, facts)) return true;
  }
  const cls = methodClass(definition);
  if (!cls) return false;
  const bases = field(cls, 'superclasses');
  if (bases && namedChildren(bases).some((base) => saysSignedIn(facts.textOf(base).split('.').pop() ?? '', 'base'))) return true;
  const body = field(cls, 'body');
  // `permission_classes = [IsAuthenticated]` in the class body.
  return body !== undefined && namedChildren(body).some((statement) => {
    const assignment = namedChildren(statement)[0];
    if (assignment?.type !== 'assignment') return false;
    const target = field(assignment, 'left');
    return target !== undefined && PERMISSION_ATTRIBUTES.includes(facts.textOf(target)) && namesPermission(assignment, facts);
  });
}

/** True when a call verifies a signature: a provider SDK's verifier, hmac, or a function named for it. */
function isVerifierCall(call: PyNode, facts: PyFacts, extraNames: readonly string[]): boolean {
  const qualified = facts.qualify(field(call, 'function')) ?? '';
  if (PROVIDERS.verifiers.includes(qualified)) return true;
  const method = calleeName(call, facts.text) ?? '';
  if (extraNames.includes(method) || isVerifierName(method)) return true;
  if (!PROVIDERS.verifyMethods.includes(method)) return false;
  const receiver = calleeObject(call);
  const made = receiver && (facts.instanceOf(receiver)?.name ?? facts.qualify(receiver));
  return made !== undefined && PROVIDERS.verifiers.some((verifier) => made === verifier || made.startsWith(`${verifier}`) || verifier.endsWith(`.${made.split('.').pop()}`));
}

/** The functions a decorator defined in the file runs: its definition (or its factory's) and the wrappers defined inside. */
function decoratorFunctions(decorator: PyNode, facts: PyFacts): PyNode[] {
  const expression = unwrap(decoratorExpression(decorator));
  const defined = expression?.type === 'call' ? facts.calledFunctions(expression) : expression?.type === 'identifier' ? facts.functions.get(facts.textOf(expression)) ?? [] : [];
  const functions: PyNode[] = [];
  for (const definition of defined) forEachDescendant(definition, (node) => void (node.type === 'function_definition' && functions.push(node)));
  return functions;
}

/** Whether a function, or one it calls in the file (a few levels down), verifies. */
function verifiesIn(definition: PyNode, facts: PyFacts, extraNames: readonly string[], seen = new Set<PyNode>()): boolean {
  if (seen.has(definition) || seen.size > 20) return false;
  seen.add(definition);
  let verified = false;
  forEachInScope(definition, (node) => {
    if (verified) return false;
    if (node.type === 'call') {
      if (isVerifierCall(node, facts, extraNames)) verified = true;
      else for (const callee of facts.calledFunctions(node)) if (verifiesIn(callee, facts, extraNames, seen)) verified = true;
    }
    // Depends(verify_signature) in a parameter default, a decorator or the registration.
    if (node.type === 'identifier' && node.parent?.type === 'argument_list') {
      const name = facts.textOf(node);
      if (extraNames.includes(name) || isVerifierName(name)) verified = true;
      else for (const callee of facts.functions.get(name) ?? []) if (verifiesIn(callee, facts, extraNames, seen)) verified = true;
    }
    return !verified;
  });
  return verified;
}

export function checkPython(ctx: PythonContext<{ verifierNames: string[] }>): void {
  const { facts, path } = ctx.file;
  const extraNames = ctx.options.verifierNames;
  for (const handler of handlers(facts, path)) {
    if (!isWebhook(handler, facts, path)) continue;
    if (requiresSignedInUser(handler, facts) && !readsSignatureHeader(facts.textOf(handler.definition))) continue;
    // A decorator that verifies (`@verify_signature`), a dependency of the registration or its router, or the body.
    const decorators = decoratorsOf(handler.definition);
    if (decorators.some((decorator) => extraNames.some((name) => facts.textOf(decorator).includes(name)) || isVerifierName(facts.textOf(decorator)))) continue;
    const seen = new Set<PyNode>();
    const decoratorBodies = decorators.flatMap((decorator) => decoratorFunctions(decorator, facts));
    if ([handler.definition, ...decorators, ...decoratorBodies, ...(handler.routerCalls ?? [])].some((node) => verifiesIn(node, facts, extraNames, seen))) continue;
    ctx.report({ node: handler.head, messageId: 'pyUnverified', data: { route: handler.label } });
  }
}
