import { ts } from '../../engine/ts.js';
import { calleeName, dottedName, enclosingFunction, lookupProperty, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { forEachCall } from '../../analysis/functions.js';
import { RequestSources } from '../../analysis/request-sources.js';

type Check = { kind: 'decode'; label: string } | { kind: 'verify'; label: string };

/** What a call is: an unverified decode (jsonwebtoken, jose, @nestjs/jwt) or a jsonwebtoken verify. */
function classifyJwtCall(call: ts.CallExpression, facts: FileFacts): Check | undefined {
  const ref = facts.resolve(call.expression);
  const path = ref?.path.join('.');
  if (ref?.module === 'jsonwebtoken' && path === 'decode') return { kind: 'decode', label: 'jwt.decode' };
  if (ref?.module === 'jsonwebtoken' && path === 'verify') return { kind: 'verify', label: 'jwt.verify' };
  if (ref?.module === 'jose' && path === 'decodeJwt') return { kind: 'decode', label: 'jose.decodeJwt' };
  if (ref?.module === 'jose' && path === 'UnsecuredJWT.decode') return { kind: 'decode', label: 'UnsecuredJWT.decode' };
  const callee = skipOuter(call.expression);
  if (facts.importedModules.has('@nestjs/jwt') && ts.isPropertyAccessExpression(callee) && callee.name.text === 'decode' && /jwt/i.test(dottedName(callee.expression) ?? '')) {
    return { kind: 'decode', label: `${dottedName(callee.expression)}.decode` };
  }
  return undefined;
}

/** True when a function (or the file, at top level) makes any verify call: `jwt.verify`, `jwtVerify`, `verifyToken`, `verifyIdToken`. */
function makesVerifyCall(scope: ts.Node): boolean {
  let found = false;
  forEachCall(scope, (call) => {
    if (!found && /verify/i.test(calleeName(call) ?? '')) found = true;
  });
  return found;
}

/** `algorithms: ['HS256', 'none']` in a jsonwebtoken verify call's options. */
function allowsNone(call: ts.CallExpression, facts: FileFacts): boolean {
  const lookup = lookupProperty(call.arguments[2], 'algorithms', facts);
  if (lookup.kind !== 'present' || !lookup.value) return false;
  const list = facts.valueOf(lookup.value);
  if (!list || !ts.isArrayLiteralExpression(list)) return false;
  return list.elements.some((element) => {
    const value = facts.valueOf(element);
    return value !== undefined && stringValue(value)?.toLowerCase() === 'none';
  });
}

export const rule = defineRule({
  meta: {
    id: 'jwt-unverified',
    defaultSeverity: 'error',
    description: 'A JWT from an incoming request is trusted without verifying its signature.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts, sourceFile } = ctx.file;
    // A caller that verifies the token itself makes the helper's decode harmless.
    const sources = new RequestSources(sourceFile, facts, (caller) => !makesVerifyCall(enclosingFunction(caller)));
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const check = classifyJwtCall(call, facts);
          if (!check) return;
          if (check.kind === 'verify') {
            if (allowsNone(call, facts)) {
              ctx.report({ node: call, message: `${check.label} accepts the 'none' algorithm: a token with no signature at all passes verification, so anyone can mint one. Remove 'none' and list only the algorithms your keys use.` });
            }
            return;
          }
          const token = call.arguments[0];
          if (!token || makesVerifyCall(enclosingFunction(call)) || !sources.fromRequest(token)) return;
          ctx.report({
            node: call,
            message: `${check.label} reads a token from the incoming request without verifying its signature: anyone can forge its claims (user id, roles). Use jwt.verify(token, key, { algorithms: [...] }) or jose jwtVerify before trusting it.`,
          });
        },
      },
    };
  },
});
