import { ts } from '../../engine/ts.js';
import { defineRule } from '../../engine/rule.js';
import { awaitablePublish, unconfirmedOption } from '../../analysis/publish-calls.js';

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
  if (kind === ts.SyntaxKind.CommaToken) return true;
  const shortCircuit = kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
  return shortCircuit && binary.right === operand;
}

export const rule = defineRule({
  meta: {
    id: 'unawaited-publish',
    defaultSeverity: 'warning',
    description: 'A message is published and nothing waits for the broker to confirm it.',
    messages: {
      unconfirmed: '`{{option}}: {{value}}` tells {{broker}} not to acknowledge the write: a message the broker drops is lost without an error. Leave `{{option}}` at its default ({{default}}).',
      notAwaited: '{{publish}} is not awaited: if the broker rejects the message the failure is lost (an unhandled rejection at best). Await or return the promise, or attach a `.catch` that handles the failure.',
    },
  },
  create(ctx) {
    const { facts } = ctx.file;
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const option = unconfirmedOption(call, facts);
          if (option) {
            const { unconfirmed } = option;
            ctx.report({ node: option.prop, messageId: 'unconfirmed', data: { option: unconfirmed.option, value: unconfirmed.value, broker: unconfirmed.broker, default: unconfirmed.default } });
          }
          const publish = awaitablePublish(call, facts);
          if (!publish || !isFloating(call)) return;
          ctx.report({ node: call, messageId: 'notAwaited', data: { publish } });
        },
      },
    };
  },
});
