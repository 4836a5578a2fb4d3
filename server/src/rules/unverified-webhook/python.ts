import { callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, field, forEachDescendant, forEachInScope, methodClass, namedChildren, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { PY_SIGNED_IN_NAMING, PY_SIGNED_IN_ROUTES, PY_WEBHOOK_VERIFIERS } from '../../models/python.js';
import { splitWords } from '../../secrets/words.js';
import { isWebhookView, pyPostViews, readsSignatureHeader, type PyPostView } from '../../analysis/python/webhook-views.js';

const PROVIDERS = PY_WEBHOOK_VERIFIERS[0];
const VERIFYING_WORDS = ['verif', 'valid', 'check', 'authenticat'];
const VERIFIED_WORDS = ['sig', 'hmac', 'webhook', 'hook', 'request', 'payload', 'token'];

/** A name that says it verifies a signature: `verify_signature`, `validate_webhook`, `is_valid_hmac`. */
function isVerifierName(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) => VERIFYING_WORDS.some((start) => word.startsWith(start))) && words.some((word) => VERIFIED_WORDS.some((start) => word.startsWith(start)));
}

/** Each name's reading, kept per file: every view's body, decorators and router ask of the same few names (`post`, `get_json`). */
const verifierNameReadings = perFile(() => new Map<string, boolean>());

function isVerifierNameIn(name: string, facts: PyFacts): boolean {
  const readings = verifierNameReadings(facts);
  let reading = readings.get(name);
  if (reading === undefined) readings.set(name, (reading = isVerifierName(name)));
  return reading;
}

const SIGNED_IN = PY_SIGNED_IN_NAMING;
const DEPENDENCY_CALLS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.dependencyCalls ?? []);
const PERMISSION_SETTINGS = PY_SIGNED_IN_ROUTES.filter((row) => row.permissionAttribute);
const OPEN_PERMISSIONS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.openPermissions ?? []);

/** `get_current_user`, `login_required`, `BaseUserController`, `LoginRequiredMixin`; never a name about the hook or its signature. */
function saysSignedIn(name: string, kind: 'dependency' | 'decorator' | 'base'): boolean {
  const words = splitWords(name);
  if (!words.some((word) => SIGNED_IN.userWords.includes(word)) || words.some((word) => SIGNED_IN.openWords.includes(word) || SIGNED_IN.hookParts.some((part) => word.includes(part)))) return false;
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

/** A permission class that guards (`IsAuthenticated`, the app's own); an open one (`AllowAny`) or an `|` with one does not. */
function guards(permission: PyNode | undefined, facts: PyFacts): boolean {
  const node = unwrap(permission);
  if (node?.type === 'identifier' || node?.type === 'attribute') return !OPEN_PERMISSIONS.includes(facts.textOf(node).split('.').pop() ?? '');
  if (node?.type !== 'binary_operator') return false;
  const operator = node.children.find((child) => !child.named)?.type;
  const sides = [field(node, 'left'), field(node, 'right')].map((side) => guards(side, facts));
  return operator === '|' ? sides.every(Boolean) : operator === '&' && sides.some(Boolean);
}

/** The classes a DRF list names (`(WebhookKeyPermission,)`, a name bound to one); undefined when the file does not show them. */
function listedClasses(value: PyNode | undefined, facts: PyFacts): PyNode[] | undefined {
  const list = unwrap(facts.valueOf(value));
  return list?.type === 'list' || list?.type === 'tuple' ? namedChildren(list) : undefined;
}

/** The list a view sets for a DRF attribute: its function's decorator (`@permission_classes([...])`) or its class body (`permission_classes = (...)`). */
function viewSetting(definition: PyNode, cls: PyNode | undefined, attribute: string, facts: PyFacts): PyNode | undefined {
  for (const decorator of decoratorsOf(definition)) {
    const expression = unwrap(decoratorExpression(decorator));
    if (expression?.type === 'call' && calleeName(expression, facts.text) === attribute) return callArguments(expression, facts.text).positional[0];
  }
  const body = cls && field(cls, 'body');
  for (const statement of body ? namedChildren(body) : []) {
    const assignment = namedChildren(statement)[0];
    if (assignment?.type === 'assignment' && facts.textOf(field(assignment, 'left')!) === attribute) return field(assignment, 'right');
  }
  return undefined;
}

/** DRF permission classes that guard the view, unless the view authenticates no one (`authentication_classes = ()`). */
function guardedByPermissions(definition: PyNode, cls: PyNode | undefined, facts: PyFacts): boolean {
  return PERMISSION_SETTINGS.some(({ permissionAttribute, authenticationAttribute }) => {
    const permissions = listedClasses(viewSetting(definition, cls, permissionAttribute!, facts), facts);
    const authentication = authenticationAttribute ? listedClasses(viewSetting(definition, cls, authenticationAttribute, facts), facts) : undefined;
    return permissions !== undefined && permissions.some((permission) => guards(permission, facts)) && authentication?.length !== 0;
  });
}

/**
 * A route that only a signed-in user or an admin can call: a provider's delivery carries no
 * user session, so the route manages webhooks (CRUD of the app's own hook settings) rather
 * than receiving them. FastAPI user dependencies (on the parameters, the registration, or the
 * router where it is made or mounted), login / permission decorators, user or admin controller and mixin base classes,
 * DRF permission classes other than `AllowAny`.
 */
function requiresSignedInUser(handler: PyPostView, facts: PyFacts): boolean {
  const { definition } = handler;
  const dependencies = [field(definition, 'parameters'), handler.registration, ...(handler.routerCalls ?? [])].flatMap((node) => dependencyNames(node, facts));
  if (dependencies.some((name) => saysSignedIn(name, 'dependency'))) return true;
  for (const decorator of decoratorsOf(definition)) {
    const expression = unwrap(decoratorExpression(decorator));
    const name = expression?.type === 'call' ? calleeName(expression, facts.text) : expression && facts.textOf(expression).split('.').pop();
    if (name && saysSignedIn(name, 'decorator')) return true;
  }
  const cls = methodClass(definition);
  if (guardedByPermissions(definition, cls, facts)) return true;
  const bases = cls && field(cls, 'superclasses');
  return bases !== undefined && namedChildren(bases).some((base) => saysSignedIn(facts.textOf(base).split('.').pop() ?? '', 'base'));
}

/** True when a call verifies a signature: a provider SDK's verifier, hmac, or a function named for it. */
function isVerifierCall(call: PyNode, facts: PyFacts, extraNames: readonly string[]): boolean {
  const qualified = facts.qualify(field(call, 'function')) ?? '';
  if (PROVIDERS.verifiers.includes(qualified)) return true;
  const method = calleeName(call, facts.text) ?? '';
  if (extraNames.includes(method) || isVerifierNameIn(method, facts)) return true;
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
      if (extraNames.includes(name) || isVerifierNameIn(name, facts)) verified = true;
      else for (const callee of facts.functions.get(name) ?? []) if (verifiesIn(callee, facts, extraNames, seen)) verified = true;
    }
    return !verified;
  });
  return verified;
}

export function checkPython(ctx: PythonContext<{ verifierNames: string[] }>): void {
  const { facts, relativePath: path } = ctx.file;
  const extraNames = ctx.options.verifierNames;
  for (const handler of pyPostViews(facts, path)) {
    if (!isWebhookView(handler, facts, path)) continue;
    if (requiresSignedInUser(handler, facts) && !readsSignatureHeader(handler.definition, facts)) continue;
    // A decorator that verifies (`@verify_signature`), a dependency of the registration or its router, or the body.
    const decorators = decoratorsOf(handler.definition);
    if (decorators.some((decorator) => extraNames.some((name) => facts.textOf(decorator).includes(name)) || isVerifierName(facts.textOf(decorator)))) continue;
    const seen = new Set<PyNode>();
    const decoratorBodies = decorators.flatMap((decorator) => decoratorFunctions(decorator, facts));
    if ([handler.definition, ...decorators, ...decoratorBodies, ...(handler.routerCalls ?? [])].some((node) => verifiesIn(node, facts, extraNames, seen))) continue;
    ctx.report({ node: handler.head, messageId: 'pyUnverified', data: { route: handler.label } });
  }
}
