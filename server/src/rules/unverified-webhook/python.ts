import { ancestor, callArguments, calleeName, calleeObject, decoratorExpression, decoratorsOf, dottedText, field, forEachDescendant, forEachInScope, methodClass, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { PY_SIGNED_IN_NAMING, PY_SIGNED_IN_ROUTES, PY_WEB_FRAMEWORKS, PY_WEBHOOK_VERIFIERS } from '../../models/python.js';
import { splitWords } from '../../secrets/words.js';
import { isWebhookView, pyPostViews, readsSignatureHeader, type PyPostView } from '../../analysis/python/webhook-views.js';
import { rememberedPerParse } from '../../analysis/memo.js';

const PROVIDERS = PY_WEBHOOK_VERIFIERS[0];
const VIEW_FACTORIES = PY_WEB_FRAMEWORKS.flatMap((row) => row.viewFactories);
const VERIFYING_WORDS = ['verif', 'valid', 'check', 'authenticat'];
const VERIFIED_WORDS = ['sig', 'hmac', 'webhook', 'hook', 'request', 'payload', 'token'];

/** Words of a login the sender presents (`check_hook_auth`, `verify_webhook_password`): basic auth on the hook, no signature. */
const LOGIN_WORDS = ['auth', 'basic', 'password', 'passwd', 'credentials', 'creds'];
const SIGNATURE_WORDS = ['sig', 'hmac'];

/** A name that says it verifies a signature: `verify_signature`, `validate_webhook`, `is_valid_hmac`; not one that checks a login on the hook. */
function isVerifierName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => LOGIN_WORDS.includes(word)) && !words.some((word) => SIGNATURE_WORDS.some((start) => word.startsWith(start)))) return false;
  return words.some((word) => VERIFYING_WORDS.some((start) => word.startsWith(start))) && words.some((word) => VERIFIED_WORDS.some((start) => word.startsWith(start)));
}

/** Each name's reading, kept per parse: every view's body, decorators and router ask of the same few names (`post`, `get_json`). */
const isVerifierNameIn: (name: string, facts: PyFacts) => boolean = rememberedPerParse<string, boolean, PyFacts>((name) => isVerifierName(name));

const SIGNED_IN = PY_SIGNED_IN_NAMING;
const DEPENDENCY_CALLS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.dependencyCalls ?? []);
const PERMISSION_SETTINGS = PY_SIGNED_IN_ROUTES.filter((row) => row.permissionAttribute);
const OPEN_PERMISSIONS = PY_SIGNED_IN_ROUTES.flatMap((row) => row.openPermissions ?? []);
const USER_CHECKS = PY_SIGNED_IN_ROUTES.flatMap((row) => (row.signedInUser ? [row.signedInUser] : []));

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

/** The value a class body assigns to an attribute (`permission_classes = (...)`, `VIEW_MAP = {...}`). */
function classBodyValue(cls: PyNode | undefined, attribute: string, facts: PyFacts): PyNode | undefined {
  const body = cls && field(cls, 'body');
  for (const statement of body ? namedChildren(body) : []) {
    const assignment = namedChildren(statement)[0];
    if (assignment?.type === 'assignment' && facts.textOf(field(assignment, 'left')!) === attribute) return field(assignment, 'right');
  }
  return undefined;
}

/** The list a view sets for a DRF attribute: its function's decorator (`@permission_classes([...])`) or its class body (`permission_classes = (...)`). */
function viewSetting(definition: PyNode, cls: PyNode | undefined, attribute: string, facts: PyFacts): PyNode | undefined {
  for (const decorator of decoratorsOf(definition)) {
    const expression = unwrap(decoratorExpression(decorator));
    if (expression?.type === 'call' && calleeName(expression, facts.text) === attribute) return callArguments(expression, facts.text).positional[0];
  }
  return classBodyValue(cls, attribute, facts);
}

/** DRF permission classes that guard the view, unless the view authenticates no one (`authentication_classes = ()`). */
function guardedByPermissions(definition: PyNode, cls: PyNode | undefined, facts: PyFacts): boolean {
  return PERMISSION_SETTINGS.some(({ permissionAttribute, authenticationAttribute }) => {
    const permissions = listedClasses(viewSetting(definition, cls, permissionAttribute!, facts), facts);
    const authentication = authenticationAttribute ? listedClasses(viewSetting(definition, cls, authenticationAttribute, facts), facts) : undefined;
    return permissions !== undefined && permissions.some((permission) => guards(permission, facts)) && authentication?.length !== 0;
  });
}

/** `request.user.is_superuser`, `request.user.has_perm("x")` (signed in), `current_user.is_anonymous` (not): the user flag an attribute, or the call of one, reads. */
function userFlag(expression: PyNode | undefined, facts: PyFacts): 'signedIn' | 'anonymous' | undefined {
  const node = unwrap(expression);
  const read = node?.type === 'call' ? unwrap(field(node, 'function')) : node;
  if (read?.type !== 'attribute') return undefined;
  const owner = dottedText(field(read, 'object'), facts.text);
  const flag = facts.textOf(field(read, 'attribute')!);
  const check = USER_CHECKS.find((row) => owner !== undefined && row.objects.includes(owner));
  return check?.flags.includes(flag) ? 'signedIn' : check?.anonymousFlags.includes(flag) ? 'anonymous' : undefined;
}

/** A condition that holds whenever the right user is not signed in: `not request.user.is_superuser`, `current_user.is_anonymous`, either side of an `or`. */
function holdsWhenSignedOut(condition: PyNode | undefined, facts: PyFacts): boolean {
  const node = unwrap(condition);
  if (node?.type === 'boolean_operator') return node.children.find((child) => !child.named)?.type === 'or' && [field(node, 'left'), field(node, 'right')].some((side) => holdsWhenSignedOut(side, facts));
  if (node?.type === 'not_operator') return userFlag(field(node, 'argument'), facts) === 'signedIn';
  return userFlag(node, facts) === 'anonymous';
}

/** `if not request.user.is_superuser: raise PermissionDenied`: a statement that leaves the view unless the right user is signed in. */
function refusesSignedOutHere(statement: PyNode, facts: PyFacts): boolean {
  const consequence = field(statement, 'consequence');
  return statement.type === 'if_statement' && consequence !== undefined && namedChildren(consequence).some((child) => child.type === 'raise_statement' || child.type === 'return_statement') && holdsWhenSignedOut(field(statement, 'condition'), facts);
}

/** The method a class, or else one of the bases the file defines (depth first), has under a name. */
function lookupMethod(cls: PyNode, name: string, facts: PyFacts, depth = 0): PyNode | undefined {
  const body = field(cls, 'body');
  for (const statement of body ? namedChildren(body) : []) {
    const definition = statement.type === 'decorated_definition' ? field(statement, 'definition') : statement;
    if (definition?.type === 'function_definition' && facts.textOf(field(definition, 'name')!) === name) return definition;
  }
  return inheritedMethod(cls, name, facts, depth + 1);
}

/** The method one of a class's bases the file defines has under a name, each base looked up at `baseDepth` (at most 4). */
function inheritedMethod(cls: PyNode, name: string, facts: PyFacts, baseDepth: number): PyNode | undefined {
  const bases = field(cls, 'superclasses');
  for (const base of bases && baseDepth <= 4 ? namedChildren(bases) : []) {
    const parent = base.type === 'identifier' ? facts.moduleClass(facts.textOf(base)) : undefined;
    const found = parent && lookupMethod(parent, name, facts, baseDepth);
    if (found) return found;
  }
  return undefined;
}

/** What a call statement runs, when the file shows it: a function of the file, `self.x()` from the view's class, `super().x()` from the calling class's bases. */
function calledDefinition(call: PyNode, viewClass: PyNode | undefined, facts: PyFacts): PyNode | undefined {
  const callee = unwrap(field(call, 'function'));
  if (callee?.type === 'identifier') {
    const functions = facts.calledFunctions(call);
    return functions.length === 1 ? functions[0] : undefined;
  }
  if (callee?.type !== 'attribute') return undefined;
  const receiver = unwrap(field(callee, 'object'));
  const name = facts.textOf(field(callee, 'attribute')!);
  if (receiver?.type === 'identifier' && facts.textOf(receiver) === 'self') return viewClass && lookupMethod(viewClass, name, facts);
  const caller = receiver?.type === 'call' && facts.textOf(field(receiver, 'function')!) === 'super' ? ancestor(call, 'class_definition') : undefined;
  return caller && inheritedMethod(caller, name, facts, 0);
}

/**
 * A view whose body refuses whoever is not signed in (`if not request.user.is_superuser: raise
 * PermissionDenied`), itself or in a call it makes as a statement of its own body (a check method
 * through `self.` or `super().`, or a function of the file), a few levels down.
 */
function refusesSignedOut(definition: PyNode, viewClass: PyNode | undefined, facts: PyFacts, depth = 0): boolean {
  const body = field(definition, 'body');
  return (body ? namedChildren(body) : []).some((statement) => {
    if (refusesSignedOutHere(statement, facts)) return true;
    const call = statement.type === 'expression_statement' ? unwrap(namedChildren(statement)[0]) : undefined;
    const called = call?.type === 'call' && depth < 4 ? calledDefinition(call, viewClass, facts) : undefined;
    return called !== undefined && refusesSignedOut(called, viewClass, facts, depth + 1);
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
  if (guardedByPermissions(definition, cls, facts) || refusesSignedOut(definition, cls, facts)) return true;
  const bases = cls && field(cls, 'superclasses');
  return bases !== undefined && namedChildren(bases).some((base) => saysSignedIn(facts.textOf(base).split('.').pop() ?? '', 'base'));
}

/** Last words of an argument that is the received signature. */
const SIGNATURE_ARGUMENT_WORDS = ['signature', 'sig', 'hmac'];

/**
 * `verifier.verify(payload=body, key_id=key, signature=sig)`: a verify method handed the signature,
 * by keyword or by a name that says so, verifies it whatever class it is on (contract 1.1, the
 * shape of svix `Webhook(secret).verify(...)`).
 */
function handsSignature(call: PyNode, facts: PyFacts): boolean {
  const { positional, keywords } = callArguments(call, facts.text);
  const names = [...keywords.keys(), ...positional.map((argument) => (unwrap(argument)?.type === 'identifier' ? facts.textOf(unwrap(argument)!) : ''))];
  return names.some((name) => SIGNATURE_ARGUMENT_WORDS.includes(splitWords(name).at(-1) ?? ''));
}

/** True when a call verifies a signature: a provider SDK's verifier, hmac, or a function named for it. */
function isVerifierCall(call: PyNode, facts: PyFacts, extraNames: readonly string[]): boolean {
  const qualified = facts.qualify(field(call, 'function')) ?? '';
  if (PROVIDERS.verifiers.includes(qualified)) return true;
  const method = calleeName(call, facts.text) ?? '';
  if (extraNames.includes(method) || isVerifierNameIn(method, facts)) return true;
  if (PROVIDERS.importedVerifyMethods.some((row) => row.method === method && facts.importsAny([row.module]))) return true;
  if (!PROVIDERS.verifyMethods.includes(method)) return false;
  if (handsSignature(call, facts)) return true;
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

/** `self.VIEW_MAP` in a method: what the method's class body assigns to it. */
function selfAttributeValue(node: PyNode | undefined, facts: PyFacts): PyNode | undefined {
  if (node?.type !== 'attribute' || facts.textOf(field(node, 'object')!) !== 'self') return undefined;
  const method = ancestor(node, 'function_definition');
  return method && classBodyValue(methodClass(method), facts.textOf(field(node, 'attribute')!), facts);
}

/**
 * The module-level classes of the file an expression names: `GitHubWebhookView`, a name bound to
 * one, or `self.VIEW_MAP[kind]` (every value of the dictionary); undefined when any is not one of the file's.
 */
function fileClassesOf(expression: PyNode | undefined, facts: PyFacts, depth = 0): PyNode[] | undefined {
  const node = unwrap(expression);
  if (!node || depth > 4) return undefined;
  const cls = node.type === 'identifier' ? facts.moduleClass(facts.textOf(node)) : undefined;
  if (cls) return [cls];
  if (node.type === 'subscript') {
    const owner = field(node, 'value');
    const mapping = unwrap(selfAttributeValue(unwrap(owner), facts) ?? facts.valueOf(owner));
    const entries = mapping?.type === 'dictionary' ? namedChildren(mapping) : [];
    const classes = entries.map((pair) => (pair.type === 'pair' ? fileClassesOf(field(pair, 'value'), facts, depth + 1) : undefined));
    return classes.length > 0 && classes.every((found) => found !== undefined) ? classes.flat() as PyNode[] : undefined;
  }
  const value = facts.valueOf(node);
  return value && value !== node ? fileClassesOf(value, facts, depth + 1) : undefined;
}

/**
 * `view_cls.as_view(...)` of view classes the file defines: a dispatcher hands the request to
 * them, so it verifies when each of their `post` methods does (a function it calls in the same file).
 */
function dispatchesToVerifiedViews(call: PyNode, facts: PyFacts, extraNames: readonly string[], seen: Set<PyNode>): boolean {
  if (!VIEW_FACTORIES.includes(calleeName(call, facts.text) ?? '')) return false;
  const classes = fileClassesOf(calleeObject(call), facts);
  return classes !== undefined && classes.every((cls) => {
    const post = lookupMethod(cls, 'post', facts);
    return post !== undefined && verifiesIn(post, facts, extraNames, new Set(seen));
  });
}

/** `self.message` where the class (or a base the file defines) makes `message` a `@property` / `@cached_property`: reading it runs that function. */
function propertyRead(node: PyNode, facts: PyFacts): PyNode | undefined {
  if (node.type !== 'attribute' || (node.parent?.type === 'call' && field(node.parent, 'function') === node)) return undefined;
  if (facts.textOf(field(node, 'object')!) !== 'self') return undefined;
  const cls = ancestor(node, 'class_definition');
  const definition = cls && lookupMethod(cls, facts.textOf(field(node, 'attribute')!), facts);
  const isProperty = definition !== undefined && decoratorsOf(definition).some((decorator) => facts.textOf(decorator).endsWith('property'));
  return isProperty ? definition : undefined;
}

/** Whether a function, or one it calls in the file (a few levels down), verifies. */
function verifiesIn(definition: PyNode, facts: PyFacts, extraNames: readonly string[], seen = new Set<PyNode>()): boolean {
  if (seen.has(definition) || seen.size > 20) return false;
  seen.add(definition);
  let verified = false;
  forEachInScope(definition, (node) => {
    if (verified) return false;
    if (node.type === 'call') {
      if (isVerifierCall(node, facts, extraNames) || dispatchesToVerifiedViews(node, facts, extraNames, seen)) verified = true;
      else for (const callee of facts.calledFunctions(node)) if (verifiesIn(callee, facts, extraNames, seen)) verified = true;
    }
    const property = propertyRead(node, facts);
    if (property && verifiesIn(property, facts, extraNames, seen)) verified = true;
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
