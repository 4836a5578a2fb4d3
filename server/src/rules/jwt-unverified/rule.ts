import { ts } from '../../engine/ts.js';
import { calleeName, dottedName, enclosingFunction, lookupProperty, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { forEachCall } from '../../analysis/functions.js';
import { RequestSources } from '../../analysis/request-sources.js';
import { JWT_CALLS, type JwtCall } from '../../models/jwt.js';

interface Check {
  call: JwtCall;
  /** How messages name the call: `jwt.decode`, `this.jwtService.decode`. */
  label: string;
}

/** Which of the modelled JWT calls a call is: an unverified decode or a verify. */
function classifyJwtCall(call: ts.CallExpression, facts: FileFacts): Check | undefined {
  const ref = facts.resolve(call.expression);
  const path = ref?.path.join('.');
  const callee = skipOuter(call.expression);
  for (const row of JWT_CALLS) {
    if (row.export !== undefined && ref && row.modules.includes(ref.module) && path === row.export) return { call: row, label: row.label ?? row.export };
    if (row.method && ts.isPropertyAccessExpression(callee) && callee.name.text === row.method.name && row.modules.some((module) => facts.importedModules.has(module))) {
      const receiver = dottedName(callee.expression) ?? '';
      if (row.method.receiver.test(receiver)) return { call: row, label: `${receiver}.${row.method.name}` };
    }
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

/** `algorithms: ['HS256', 'none']` in a verify call's options. */
function allowsNone(call: ts.CallExpression, optionsArgument: number, facts: FileFacts): boolean {
  const lookup = lookupProperty(call.arguments[optionsArgument], 'algorithms', facts);
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
    messages: {
      noneAlgorithm:
        "{{call}} accepts the 'none' algorithm: a token with no signature at all passes verification, so anyone can mint one. Remove 'none' and list only the algorithms your keys use.",
      unverifiedDecode:
        '{{call}} reads a token from the incoming request without verifying its signature: anyone can forge its claims (user id, roles). Use jwt.verify(token, key, { algorithms: [...] }) or jose jwtVerify before trusting it.',
    },
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
          if (check.call.kind === 'verify') {
            const { optionsArgument } = check.call;
            if (optionsArgument !== undefined && allowsNone(call, optionsArgument, facts)) ctx.report({ node: call, messageId: 'noneAlgorithm', data: { call: check.label } });
            return;
          }
          const token = call.arguments[0];
          if (!token || makesVerifyCall(enclosingFunction(call)) || !sources.fromRequest(token)) return;
          ctx.report({ node: call, messageId: 'unverifiedDecode', data: { call: check.label } });
        },
      },
    };
  },
});
