import { callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, field, forEachDescendant, forEachInScope, methodClass, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
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
function requiresSignedInUser(handler: PyPostView, facts: PyFacts): boolean {
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
  for (const handler of pyPostViews(facts, path)) {
    if (!isWebhookView(handler, facts, path)) continue;
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
