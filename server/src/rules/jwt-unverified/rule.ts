import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, enclosingFunction, getProperty, isFunctionNode, lookupProperty, propertyName, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import type { Edit, FixFunction } from '../../engine/types.js';
import { inStyle, sourceStyle } from '../../analysis/source-style.js';
import { forEachCall } from '../../analysis/functions.js';
import { ImportPlan } from '../../analysis/imports.js';
import { isAsyncFunction, makeAsyncEdits } from '../../analysis/make-async.js';
import { RequestSources } from '../../analysis/request-sources.js';
import { isTestPath } from '../../analysis/test-paths.js';
import { JWT_CALLS, JWT_KEY_ENV, type JwtCall, type VerifyingCall } from '../../models/jwt.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

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

/** The `algorithms` list of a verify call's options, as the file writes it. */
function algorithmsList(call: ts.CallExpression, optionsArgument: number, facts: FileFacts): ts.ArrayLiteralExpression | undefined {
  const lookup = lookupProperty(call.arguments[optionsArgument], 'algorithms', facts);
  if (lookup.kind !== 'present' || !lookup.value) return undefined;
  const list = facts.valueOf(lookup.value);
  return list && ts.isArrayLiteralExpression(list) ? list : undefined;
}

function isNone(element: ts.Expression, facts: FileFacts): boolean {
  const value = facts.valueOf(element);
  return value !== undefined && stringValue(value)?.toLowerCase() === 'none';
}

/**
 * Removes `'none'` from the list. When it is the only entry there is no fix: which algorithm
 * the keys use is not in the code, and an empty list would refuse every token.
 */
function dropNoneFix(list: ts.ArrayLiteralExpression, facts: FileFacts, sourceFile: ts.SourceFile): FixFunction | undefined {
  const elements = list.elements;
  const kept = elements.filter((element) => !isNone(element, facts));
  if (kept.length === 0) return undefined;
  return (fixer) => {
    if (elements.length - kept.length > 1) {
      return fixer.replaceTextRange([elements[0].getStart(sourceFile), elements[elements.length - 1].getEnd()], kept.map((element) => element.getText(sourceFile)).join(', '));
    }
    const index = elements.findIndex((element) => isNone(element, facts));
    // The separator goes with it: the comma before it, or the one after a leading entry.
    return index > 0
      ? fixer.remove([elements[index - 1].getEnd(), elements[index].getEnd()])
      : fixer.remove([elements[0].getStart(sourceFile), elements[1].getStart(sourceFile)]);
  };
}

/** The decode call's options carried over into the verify options (`complete: true`); undefined when they cannot be read. */
function keptOptions(call: ts.CallExpression, verify: VerifyingCall, sourceFile: ts.SourceFile): string[] | undefined {
  const options = call.arguments[1] && skipOuter(call.arguments[1]);
  if (!options) return [];
  if (!ts.isObjectLiteralExpression(options)) return undefined;
  if (options.properties.some((property) => !propertyName(property.name))) return undefined;
  return (verify.keptOptions ?? []).flatMap((name) => {
    const property = getProperty(options, name);
    return property ? [property.getText(sourceFile)] : [];
  });
}

/** What replaces a decode: the verify call's text, and the edits it needs besides (imports, `async`). */
function verifyingCallEdits(call: ts.CallExpression, row: JwtCall, verify: VerifyingCall, sourceFile: ts.SourceFile): FixFunction {
  return (fixer) => {
    const style = sourceStyle(sourceFile);
    const plan = new ImportPlan(sourceFile, style);
    const callee = skipOuter(call.expression);
    const token = call.arguments[0];
    const kept = keptOptions(call, verify, sourceFile);
    const name = row.method ? ts.isPropertyAccessExpression(callee) && `${callee.expression.getText(sourceFile)}.${verify.name}` : verify.import && plan.ref(verify.import, verify.name);
    if (!name || !token || !kept) return null;
    const typeScript = /\.[mc]?tsx?$/.test(sourceFile.fileName);
    const options = [...(verify.options ? [inStyle(verify.options, style)] : []), ...kept];
    const args = [token.getText(sourceFile), ...(verify.key ? [verify.key(`${JWT_KEY_ENV}${typeScript ? '!' : ''}`)] : []), ...(options.length > 0 ? [`{ ${options.join(', ')} }`] : [])];
    let text = `${name}(${args.join(', ')})`;
    const edits: Edit[] = [];
    if (verify.awaits) {
      const fn = enclosingFunction(call);
      if (!isFunctionNode(fn)) return null;
      if (!isAsyncFunction(fn)) {
        const makeAsync = makeAsyncEdits(fn, sourceFile, fixer);
        if (!makeAsync) return null;
        edits.push(...makeAsync);
      }
      const parent = call.parent;
      const operand = ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent) || ts.isNonNullExpression(parent);
      text = verify.property ? `(await ${text}).${verify.property}` : operand ? `(await ${text})` : `await ${text}`;
    }
    edits.push(fixer.replaceText(call, text), ...plan.edits(fixer));
    if (verify.key) edits.push(fixer.appendLineToFile('.env.example', `${JWT_KEY_ENV}=`));
    return edits;
  };
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts, sourceFile } = ctx.file;
    // A caller that verifies the token itself makes the helper's decode harmless.
    const sources = new RequestSources(ctx.file, (caller) => !makesVerifyCall(enclosingFunction(caller)));
    // Test code is the client: the headers it reads are the ones it sends, the tokens it decodes came from the API under test (contract 1.3).
    const isClientTest = isTestPath(ctx.file.relativePath);
    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const check = classifyJwtCall(call, facts);
          if (!check) return;
          if (check.call.kind === 'verify') {
            const { optionsArgument } = check.call;
            const algorithms = optionsArgument === undefined ? undefined : algorithmsList(call, optionsArgument, facts);
            if (algorithms && algorithms.elements.some((element) => isNone(element, facts))) {
              ctx.report({ node: call, messageId: 'noneAlgorithm', data: { call: check.label }, fix: dropNoneFix(algorithms, facts, sourceFile) });
            }
            return;
          }
          const token = call.arguments[0];
          if (!token || isClientTest || makesVerifyCall(enclosingFunction(call)) || !sources.fromRequest(token)) return;
          const verify = check.call.verifiedBy;
          const key = verify?.key ? `key from process.env.${JWT_KEY_ENV}` : 'the key the module is configured with';
          ctx.report({
            node: call,
            messageId: 'unverifiedDecode',
            data: { call: check.label },
            suggest: verify && [{ messageId: 'verifyToken', data: { call: verify.label, key }, fix: verifyingCallEdits(call, check.call, verify, sourceFile) }],
          });
        },
      },
    };
  },
});
