import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachDescendant, type FunctionNode } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { isCredentialName } from '../../secrets/words.js';
import { forEachCall, resolveCallee, resolveFunction, someReachable } from '../../analysis/functions.js';
import { fileRoutes, pathParts, saysWebhook, type Route, type RouteStep } from '../../analysis/routes.js';
import { isLogCall } from '../../analysis/logging.js';
import { isVerificationCall, isVerifierName, readsSignatureHeaderIn } from '../../analysis/signatures.js';
import { verificationSuggestion } from '../../analysis/webhook-verification.js';
import { NEUTRAL_MIDDLEWARE, SESSION_READERS } from '../../models/webhooks.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

/** Names of middleware factories that never verify a sender (library factories and common async wrappers). */
const NEUTRAL_CALLEES = new Set([
  ...NEUTRAL_MIDDLEWARE.flatMap((middleware) => middleware.factories),
  'catchAsync', 'catchErrors', 'wrapAsync', 'asyncWrap', 'asyncMiddleware', 'handleAsync', 'tryCatch', 'wrap', 'bind',
]);
/** Names modules of neutral middleware are bound to: `express.json()`, `bodyParser.raw(...)`. */
const NEUTRAL_NAMESPACES = new Set(NEUTRAL_MIDDLEWARE.flatMap((middleware) => middleware.namespace ?? []));
/**
 * Calls a signature may be handed to without being verified: header reads, responses, logs,
 * and reductions to a flag, a number or text (`Boolean(sig)`, `Array.isArray(sig)`).
 */
const READ_RESPOND_OR_LOG = /^(get|has|header|getHeader|Headers|send|json|status|end|write|set|setHeader|text|body|sendStatus|log|info|warn|error|debug|trace|fatal|verbose|code|type|redirect|throw|assert|String|Boolean|Number|isArray|stringify|Buffer|from|toString|toLowerCase|toUpperCase|trim|split|replace|slice|substring|startsWith|includes)$/;
/** A path that embeds a secret (`/telegram/${BOT_TOKEN}`) is the provider's own verification scheme. */
function pathHoldsSecret(route: Route): boolean {
  return pathParts(route.pathExpression).some((part) => part.split('.').some((name) => isCredentialName(name)));
}

function isNeutralStep(step: RouteStep, facts: FileFacts): boolean {
  let expr = step.expression;
  if (ts.isIdentifier(expr)) expr = facts.valueOf(expr) ?? expr;
  if (!ts.isCallExpression(expr)) return false;
  const name = calleeName(expr);
  const root = dottedName(expr.expression)?.split('.')[0] ?? '';
  return (name !== undefined && NEUTRAL_CALLEES.has(name)) || NEUTRAL_NAMESPACES.has(root);
}

function stepName(step: RouteStep): string | undefined {
  const expr = step.expression;
  if (ts.isDecorator(expr)) return undefined;
  if (ts.isCallExpression(expr)) return calleeName(expr);
  return ts.isExpression(expr) ? dottedName(expr)?.split('.').pop() : undefined;
}

/** Names bound to a signature header in a handler: `const sig = req.headers['stripe-signature']`, `@Headers('x-hub-signature-256') sig`. */
function signatureBindings(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  forEachDescendant(fn, (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer && readsSignatureHeaderIn(node.initializer)) {
      if (ts.isIdentifier(node.name)) names.add(node.name.text);
      else forEachDescendant(node.name, (child) => void (ts.isIdentifier(child) && names.add(child.text)));
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && readsSignatureHeaderIn(node)) names.add(node.name.text);
    return undefined;
  });
  return names;
}

function isWholeHeaders(node: ts.Node): boolean {
  const expr = ts.isExpression(node) ? skipOuter(node) : node;
  return (ts.isPropertyAccessExpression(expr) && expr.name.text === 'headers') || (ts.isIdentifier(expr) && expr.text === 'headers');
}

/**
 * True when the handler hands the received signature (or the whole header set) to a
 * function the file does not show: the check happens there, out of sight.
 */
function forwardsSignature(fn: FunctionNode, facts: FileFacts): boolean {
  const bindings = signatureBindings(fn);
  let forwarded = false;
  forEachCall(fn, (call) => {
    if (forwarded || ts.isDecorator(call.parent) || resolveCallee(call, facts) || READ_RESPOND_OR_LOG.test(calleeName(call) ?? '') || isLogCall(call, facts)) return;
    forwarded = call.arguments.some((arg) => {
      if (isWholeHeaders(arg) || readsSignatureHeaderIn(arg)) return true;
      let uses = false;
      forEachDescendant(arg, (node) => {
        if (ts.isFunctionLike(node)) return false;
        if (ts.isIdentifier(node) && bindings.has(node.text)) uses = true;
        return undefined;
      });
      return (ts.isIdentifier(skipOuter(arg)) && bindings.has((skipOuter(arg) as ts.Identifier).text)) || uses;
    });
  });
  return forwarded;
}

/** The call a handler consists of: `(req) => wrapper(...)` or a body that is only `return wrapper(...)`. */
function soleCall(fn: FunctionNode): ts.CallExpression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  let expr: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    expr = only && ts.isReturnStatement(only) ? only.expression : undefined;
  } else {
    expr = body;
  }
  if (!expr) return undefined;
  let node = skipOuter(expr);
  if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
  return ts.isCallExpression(node) ? node : undefined;
}

/** The handler reads the signed-in user's session: it serves a user, not a webhook sender. */
function readsUserSession(fn: FunctionNode): boolean {
  let found = false;
  forEachCall(fn, (call) => {
    const name = calleeName(call) ?? '';
    if (!found && SESSION_READERS.some((reader) => reader.names.includes(name))) found = true;
  });
  return found;
}

/** `res.json(...)`, `c.json(...)`: a call on one of the handler's own parameters answers the request, it hands nothing on. */
function isResponseCall(call: ts.CallExpression, fn: FunctionNode): boolean {
  const callee = skipOuter(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  return !!receiver && ts.isIdentifier(receiver) && fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === receiver.text);
}

/**
 * True when the handler only hands its whole request to a function the file does not show
 * (`POST = (request) => authenticatedApiClient({ request, handler })`): that function owns the
 * check, out of sight. A part of it (`processEvent(req.body)`) carries no signature to check.
 */
function delegatesRequest(fn: FunctionNode, facts: FileFacts): boolean {
  const call = soleCall(fn);
  const parameter = fn.parameters[0];
  const request = parameter?.name;
  // A decorated parameter (Nest `@Body() body`) is the parsed payload, not the request.
  if (!call || !request || !ts.isIdentifier(request) || ts.getDecorators(parameter)?.length || resolveCallee(call, facts) || isResponseCall(call, fn)) return false;
  let passed = false;
  for (const arg of call.arguments) {
    forEachDescendant(arg, (node) => {
      if (ts.isFunctionLike(node)) return false;
      if (ts.isIdentifier(node) && node.text === request.text && !isMemberBase(node)) passed = true;
      return undefined;
    });
    if (ts.isIdentifier(skipOuter(arg)) && (skipOuter(arg) as ts.Identifier).text === request.text) passed = true;
  }
  return passed;
}

/** `req` in `req.body` or `req['raw']`: the object a member is read from. */
function isMemberBase(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  return (ts.isPropertyAccessExpression(node.parent) || ts.isElementAccessExpression(node.parent)) && node.parent.expression === node;
}

function verifiesIn(fn: FunctionNode, facts: FileFacts, extraNames: readonly string[]): boolean {
  return someReachable(fn, facts, (reached) => {
    let verified = false;
    forEachCall(reached, (call) => {
      if (!verified && isVerificationCall(call, facts, extraNames)) verified = true;
    });
    return verified;
  });
}

type StepVerdict = 'verifies' | 'neutral' | 'opaque';

function judgeStep(step: RouteStep, facts: FileFacts, extraNames: readonly string[]): StepVerdict {
  const name = stepName(step);
  if (name && isVerifierName(name, extraNames)) return 'verifies';
  if (ts.isCallExpression(step.expression) && isVerificationCall(step.expression, facts, extraNames)) return 'verifies';
  if (step.fn && verifiesIn(step.fn, facts, extraNames)) return 'verifies';
  if (ts.isCallExpression(step.expression)) {
    const wrapper = resolveCallee(step.expression, facts);
    if (wrapper) return verifiesIn(wrapper, facts, extraNames) ? 'verifies' : 'neutral';
    return isNeutralStep(step, facts) ? 'neutral' : 'opaque';
  }
  if (step.fn) return 'neutral';
  return isNeutralStep(step, facts) ? 'neutral' : 'opaque';
}

/** True when a `.use(...)` or fastify `addHook(...)` in the file installs a verifier for its routes. */
function installsVerifier(call: ts.CallExpression, facts: FileFacts, extraNames: readonly string[]): boolean {
  const name = calleeName(call);
  if (name !== 'use' && name !== 'addHook' && name !== 'register') return false;
  return call.arguments.some((arg) => {
    const value = skipOuter(arg);
    if (ts.isStringLiteralLike(value)) return false;
    const fn = resolveFunction(value, facts);
    const step: RouteStep = { expression: value, fn: fn ?? (ts.isCallExpression(value) ? value.arguments.map((a) => resolveFunction(a, facts)).find(Boolean) : undefined) };
    return judgeStep(step, facts, extraNames) === 'verifies';
  });
}

function routeLabel(route: Route): string {
  return route.path ? `${route.label} '${route.path.replace(/\/+/g, '/')}'` : route.label;
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts, relativePath } = ctx.file;
    const extraNames = ctx.options.verifierNames;
    let fileInstallsVerifier = false;

    const isUnverifiedWebhook = (route: Route): boolean => {
      const handler = route.handler.fn;
      if (!handler) return false;
      const signatureRead = route.steps.some((step) => step.fn !== undefined && readsSignatureHeaderIn(step.fn));
      if (!signatureRead && !saysWebhook(route, relativePath)) return false;
      if (pathHoldsSecret(route) || delegatesRequest(handler, facts) || readsUserSession(handler)) return false;
      for (const step of route.steps) {
        if (judgeStep(step, facts, extraNames) !== 'neutral') return false;
      }
      return !route.steps.some((step) => step.fn !== undefined && forwardsSignature(step.fn, facts));
    };

    return {
      on: {
        // A route registration (`post`, `route`, ...) is never a `use`: the routes come from fileRoutes.
        [SyntaxKind.CallExpression]: (node) => {
          if (!fileInstallsVerifier && installsVerifier(node as ts.CallExpression, facts, extraNames)) fileInstallsVerifier = true;
        },
      },
      end() {
        const routes = fileRoutes(ctx.file);
        if (fileInstallsVerifier) return;
        for (const route of routes) {
          if (!isUnverifiedWebhook(route)) continue;
          const suggestion = verificationSuggestion(route, ctx.file);
          ctx.report({
            node: route.node,
            messageId: 'unverified',
            data: { route: routeLabel(route) },
            suggest: suggestion && [{ messageId: 'verifySignature', data: { check: suggestion.title }, fix: suggestion.fix }],
          });
        }
      },
    };
  },
});
