import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, contains, dottedName, enclosingClass, isAsyncFunction, propertyValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule, type ParsedFile } from '../../engine/rule.js';
import type { Fixer } from '../../engine/types.js';
import { awaitablePublish, unconfirmedOption } from '../../analysis/publish-calls.js';
import { isLogCall } from '../../analysis/logging.js';
import { quoted, sourceStyle } from '../../analysis/source-style.js';
import { promisedRequest, receiverOf } from '../../analysis/syntax.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

/** The call's promise is dropped: a bare statement, `void`, or a branch of one. */
function isFloating(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isVoidExpression(parent)) {
      node = parent;
    } else if (ts.isBinaryExpression(parent) && isDiscardingOperator(parent, node)) {
      node = parent;
    } else if (ts.isConditionalExpression(parent) && parent.condition !== node) {
      node = parent;
    } else {
      return ts.isExpressionStatement(parent);
    }
  }
}

function isDiscardingOperator(binary: ts.BinaryExpression, operand: ts.Node): boolean {
  const kind = binary.operatorToken.kind;
  if (kind === SyntaxKind.CommaToken) return true;
  const shortCircuit = kind === SyntaxKind.AmpersandAmpersandToken || kind === SyntaxKind.BarBarToken || kind === SyntaxKind.QuestionQuestionToken;
  return shortCircuit && binary.right === operand;
}

/** The call runs directly in an async function, where it can be awaited (not at a module's top level: CommonJS has no top-level await). */
function inAsyncFunction(call: ts.CallExpression): boolean {
  for (let node = call.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node)) return isAsyncFunction(node);
  }
  return false;
}

/** `await` in place of a `void` that discards the call, else before the call. */
function awaitCall(call: ts.CallExpression, fixer: Fixer) {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const discard = node.parent;
  if (ts.isVoidExpression(discard)) {
    const start = discard.getStart();
    return fixer.replaceTextRange([start, start + 'void'.length], 'await');
  }
  return fixer.insertTextBefore(call, 'await ');
}

/** A log call of the file whose logger the call can reach: a module-level or enclosing binding, or `this.logger` of the same class. */
function visibleLogCall(call: ts.CallExpression, file: ParsedFile): ts.CallExpression | undefined {
  const { facts } = file;
  return file.nodes.ofKind<ts.CallExpression>(SyntaxKind.CallExpression).find((logCall) => {
    const receiver = receiverOf(logCall);
    return !!receiver && isLogCall(logCall, facts) && loggerReaches(receiver, logCall, call, facts);
  });
}

function loggerReaches(receiver: ts.Expression, logCall: ts.CallExpression, from: ts.Node, facts: FileFacts): boolean {
  let root = skipOuter(receiver);
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  if (root.kind === SyntaxKind.ThisKeyword) return !!enclosingClass(logCall) && enclosingClass(logCall) === enclosingClass(from);
  if (!ts.isIdentifier(root)) return false;
  const declared = facts.declarationName(root);
  if (!declared) return true;
  const scope = ts.isParameter(declared.parent) ? declared.parent.parent : enclosingBlock(declared);
  return ts.isSourceFile(scope) || contains(scope, from);
}

function enclosingBlock(node: ts.Node): ts.Node {
  let current = node.parent;
  while (!ts.isSourceFile(current) && !ts.isBlock(current)) current = current.parent;
  return current;
}

/** `.catch((error) => logger.error(...))` in the style of the file's own log calls, or with `console.error`. */
function catchThatLogs(call: ts.CallExpression, file: ParsedFile): { text: string; logger: string } {
  const style = sourceStyle(file.sourceFile);
  const target = promisedRequest(call) ?? call;
  const what = quoted(`${(dottedName(target.expression) ?? calleeName(target) ?? 'publish').replace(/^this\./, '')} failed`, style);
  const logCall = visibleLogCall(call, file);
  const logger = logCall ? `${receiverOf(logCall)!.getText()}.error` : 'console.error';
  // Object-first loggers (pino, bunyan) take the error in an object, the others after the message.
  const first = logCall?.arguments[0] && skipOuter(logCall.arguments[0]);
  const args = first && ts.isObjectLiteralExpression(first) ? `{ err: error }, ${what}` : `${what}, error`;
  return { text: `.catch((error) => ${logger}(${args}))`, logger };
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const option = unconfirmedOption(call, facts);
          if (option) {
            const { unconfirmed } = option;
            const value = propertyValue(option.prop);
            ctx.report({
              node: option.prop,
              messageId: 'unconfirmed',
              data: { option: unconfirmed.option, value: unconfirmed.value, broker: unconfirmed.broker, default: unconfirmed.default },
              // Only a literal written in the option itself: a shared constant may serve other calls.
              fix: (fixer) => (value && ts.isNumericLiteral(skipOuter(value)) ? fixer.replaceText(value, String(unconfirmed.confirmed)) : null),
            });
          }
          const publish = awaitablePublish(call, facts);
          if (!publish || !isFloating(call)) return;
          if (inAsyncFunction(call)) {
            ctx.report({ node: call, messageId: 'notAwaited', data: { publish }, fix: (fixer) => awaitCall(call, fixer) });
            return;
          }
          const handler = catchThatLogs(call, ctx.file);
          ctx.report({
            node: call,
            messageId: 'notAwaited',
            data: { publish },
            suggest: [{ messageId: 'catchFailure', data: { logger: handler.logger }, fix: (fixer) => fixer.insertTextAfter(call, handler.text) }],
          });
        },
      },
    };
  },
});
