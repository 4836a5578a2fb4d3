import { SyntaxKind, ts } from '../../engine/ts.js';
import { lookupProperty, propertyValue } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import { requestName } from '../../analysis/network-calls.js';
import { isEndless, isRetryLimitProperty, retryConfigCall } from '../../analysis/retry/options.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { endlessLimitFix, foreverFix, loopLimitFix } from './fixes.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    const { maxAttempts } = ctx.options;
    return {
      on: {
        [SyntaxKind.PropertyAssignment]: (node) => {
          const prop = node as ts.PropertyAssignment;
          if (!isRetryLimitProperty(prop) || !isEndless(prop.initializer, facts)) return;
          ctx.report({ node: prop, messageId: 'endlessLimit', data: { option: prop.getText() }, fix: endlessLimitFix(prop, maxAttempts) });
        },
        [SyntaxKind.CallExpression]: (node) => {
          const config = retryConfigCall(node as ts.CallExpression, facts);
          const foreverOption = config?.library.foreverOption;
          if (!config || !foreverOption) return;
          const forever = lookupProperty(config.config, foreverOption, facts);
          if (forever.kind !== 'present' || propertyValue(forever.prop)?.kind !== SyntaxKind.TrueKeyword) return;
          ctx.report({
            node: forever.prop,
            messageId: 'forever',
            data: { library: config.library.name, option: foreverOption, limitOption: config.library.limitOption },
            fix: foreverFix(forever.prop, config.library.limitOption, maxAttempts),
          });
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          if (loop.kind === 'callback' || loop.bounded) continue;
          const what = loop.kind === 'recursion' ? 'This function retries' : 'This loop retries';
          ctx.report({ node: loop.node, messageId: 'unboundedLoop', data: { what, request: requestName(loop.requests[0]) }, fix: loopLimitFix(loop, maxAttempts, facts) });
        }
      },
    };
  },
});
