import { SyntaxKind, ts } from '../../engine/ts.js';
import { enclosingFunction, forEachDescendant, propertyName, someDescendant } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import type { TextEdit } from '../../engine/types.js';
import { isResponseCall } from '../../analysis/http-clients.js';
import { resolveCallee, returnedValues } from '../../analysis/functions.js';
import { FETCH_BODY_READERS } from '../../models/http-clients.js';
import { isInsideLogCall, isLogCall } from '../../analysis/logging.js';
import { StatusCheckFixer } from './fix.js';
import { validatedBySchema } from './schema.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

const STATUS_PROPERTIES = new Set(['ok', 'status']);
const COMPARISONS = new Set([
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.LessThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanToken, SyntaxKind.GreaterThanEqualsToken,
]);

/** How many same-file wrappers deep a call is followed to the `fetch` it returns. */
const WRAPPER_DEPTH = 3;

/**
 * A call that resolves to a fetch `Response` (see `isResponseCall`), or to one a same-file
 * wrapper returns as it came (`const api = (path) => fetch(base + path)`): nobody checked its status.
 */
function isFetchCall(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const node = skipOuter(expr);
  if (!ts.isCallExpression(node)) return false;
  if (isResponseCall(node, facts)) return true;
  const wrapper = depth < WRAPPER_DEPTH ? resolveCallee(node, facts) : undefined;
  const returned = wrapper ? returnedValues(wrapper) : [];
  return returned.length > 0 && returned.every((value) => {
    const inner = value && skipOuter(value);
    return inner !== undefined && isFetchCall(ts.isAwaitExpression(inner) ? inner.expression : inner, facts, depth + 1);
  });
}

function awaitedFetch(expr: ts.Expression | undefined, facts: FileFacts): boolean {
  if (!expr) return false;
  const node = skipOuter(expr);
  if (ts.isAwaitExpression(node)) return isFetchCall(node.expression, facts);
  // Outside a module, `await (fetch(u))` at the top level parses as a call of a function named `await`.
  const isAwaitCall = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'await' && node.arguments.length === 1;
  if (!isAwaitCall) return false;
  return isFetchCall(node.arguments[0], facts) || awaitedFetch(node.arguments[0], facts);
}

/** `fetch(u).then((res) => ...)`: the callback's first parameter is the response. */
function isThenResponseParameter(param: ts.ParameterDeclaration, facts: FileFacts): boolean {
  const fn = param.parent;
  if (fn.parameters[0] !== param || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'then' && isFetchCall(callee.expression, facts);
}

/** Does the function that owns a response variable look at its `.ok`/`.status`, or hand it on? */
function checksStatus(declared: ts.Identifier, scope: ts.Node, facts: FileFacts): boolean {
  let checked = false;
  forEachDescendant(scope, (node) => {
    if (checked) return false;
    if (ts.isIdentifier(node) && node !== declared && facts.declarationName(node) === declared && isStatusCheck(node, facts, scope)) checked = true;
    return undefined;
  });
  return checked;
}

/** The whole test a status read is part of: `!res.ok`, `(res.status === 200)`. */
function enclosingTest(read: ts.Expression): ts.Expression {
  let node: ts.Expression = read;
  for (;;) {
    const parent = node.parent;
    const negated = ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken;
    const compared = ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind);
    if (!ts.isParenthesizedExpression(parent) && !negated && !compared) return node;
    node = parent;
  }
}

/**
 * `res.ok ? await res.json() : res.status` and `res.ok && (await res.json())` choose
 * whether to read the body by the status, wherever they appear (a log call's argument too).
 */
function guardsBodyRead(read: ts.PropertyAccessExpression, use: ts.Identifier, facts: FileFacts): boolean {
  const test = enclosingTest(read);
  const parent = test.parent;
  const response = facts.declarationName(use);
  if (ts.isConditionalExpression(parent) && parent.condition === test) {
    return readsBody(parent.whenTrue, response, facts) || readsBody(parent.whenFalse, response, facts);
  }
  const guards = ts.isBinaryExpression(parent) && parent.left === test && (parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === SyntaxKind.BarBarToken);
  return guards && readsBody(parent.right, response, facts);
}

/** Whether an expression reads the body of the response `declared` names. */
function readsBody(expr: ts.Expression, declared: ts.Identifier | undefined, facts: FileFacts): boolean {
  const readsIt = (node: ts.Node): boolean => {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !FETCH_BODY_READERS.has(node.expression.name.text)) return false;
    const receiver = skipOuter(node.expression.expression);
    return ts.isIdentifier(receiver) && facts.declarationName(receiver) === declared;
  };
  return declared !== undefined && (readsIt(expr) || someDescendant(expr, readsIt));
}

function isStatusCheck(use: ts.Identifier, facts: FileFacts, scope: ts.Node): boolean {
  const parent = use.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
    if (!STATUS_PROPERTIES.has(parent.name.text)) return false;
    return !isInsideLogCall(parent, facts, scope) || guardsBodyRead(parent, use, facts);
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === use) {
    return ts.isStringLiteralLike(parent.argumentExpression) && STATUS_PROPERTIES.has(parent.argumentExpression.text);
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === use && ts.isObjectBindingPattern(parent.name)) {
    return parent.name.elements.some((element) => STATUS_PROPERTIES.has(propertyName(element.propertyName ?? element.name) ?? ''));
  }
  // Handing the response to a helper (`await ensureOk(res)`, `new HttpError(res)`) counts as a check.
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(use)) {
    return !(ts.isCallExpression(parent) && isLogCall(parent, facts));
  }
  return false;
}

/** The statement that gave a response variable its value: its declaration, or the last assignment before `read`. */
function givingStatement(declared: ts.Identifier, assignments: readonly ts.BinaryExpression[], read: ts.Node): ts.Statement | undefined {
  const declaration = declared.parent;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const statement = declaration.parent.parent;
    return ts.isVariableStatement(statement) ? statement : undefined;
  }
  const assignment = assignments.filter((candidate) => candidate.end <= read.getStart()).pop();
  return assignment && ts.isExpressionStatement(assignment.parent) ? assignment.parent : undefined;
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(context) {
    const { facts } = context.file;
    const fixer = new StatusCheckFixer(context.file.sourceFile);
    const reads: Array<{ call: ts.CallExpression; receiver: ts.Identifier }> = [];
    // Variables given a fetch response by assignment (`let res; res = await fetch(url)`), with those assignments.
    const fetchAssigned = new Map<ts.Identifier, ts.BinaryExpression[]>();
    const verdicts = new Map<ts.Identifier, boolean>();

    const responseScope = (declared: ts.Identifier): ts.Node | undefined => {
      const declaration = declared.parent;
      if (ts.isVariableDeclaration(declaration) && declaration.name === declared) {
        if (awaitedFetch(declaration.initializer, facts) || fetchAssigned.has(declared)) return enclosingFunction(declaration);
        return undefined;
      }
      if (ts.isParameter(declaration) && declaration.name === declared && isThenResponseParameter(declaration, facts)) return declaration.parent;
      return undefined;
    };

    const isUnchecked = (declared: ts.Identifier): boolean => {
      const cached = verdicts.get(declared);
      if (cached !== undefined) return cached;
      const scope = responseScope(declared);
      const unchecked = scope !== undefined && !checksStatus(declared, scope, facts);
      verdicts.set(declared, unchecked);
      return unchecked;
    };

    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const callee = skipOuter(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || !FETCH_BODY_READERS.has(callee.name.text)) return;
          const receiver = skipOuter(callee.expression);
          if (awaitedFetch(receiver, facts)) {
            if (validatedBySchema(call, facts)) return;
            context.report({ node: call, messageId: 'unchecked', data: { read: `.${callee.name.text}`, response: 'response' }, fix: () => fixer.forInlineRead(callee.expression) });
          } else if (ts.isIdentifier(receiver)) {
            reads.push({ call, receiver });
          }
        },
        [SyntaxKind.BinaryExpression]: (node) => {
          const assignment = node as ts.BinaryExpression;
          if (assignment.operatorToken.kind !== SyntaxKind.EqualsToken || !ts.isIdentifier(assignment.left)) return;
          const declared = facts.declarationName(assignment.left);
          if (declared && awaitedFetch(assignment.right, facts)) fetchAssigned.set(declared, [...(fetchAssigned.get(declared) ?? []), assignment]);
        },
      },
      end() {
        // Every read of one response gets the same check, before the first read.
        const firstReads = new Map<ts.Identifier, ts.CallExpression>();
        const fixFor = (declared: ts.Identifier): TextEdit[] | undefined => {
          const firstRead = firstReads.get(declared)!;
          const declaration = declared.parent;
          if (ts.isParameter(declaration)) return fixer.forCallbackParameter(declared, declaration.parent as ts.ArrowFunction | ts.FunctionExpression, firstRead);
          const given = givingStatement(declared, fetchAssigned.get(declared) ?? [], firstRead);
          return given && fixer.forVariable(declared, given, firstRead);
        };
        for (const { call, receiver } of reads) {
          const declared = facts.declarationName(receiver);
          if (declared && isUnchecked(declared) && !validatedBySchema(call, facts)) {
            if (!firstReads.has(declared)) firstReads.set(declared, call);
            const method = (skipOuter(call.expression) as ts.PropertyAccessExpression).name.text;
            context.report({ node: call, messageId: 'unchecked', data: { read: `${receiver.text}.${method}`, response: receiver.text }, fix: () => fixFor(declared) });
          }
        }
      },
    };
  },
});
