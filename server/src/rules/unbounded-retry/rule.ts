import { z } from 'zod';
import { ts } from '../../engine/ts.js';
import { lookupProperty, propertyValue } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import { requestName } from '../../analysis/network-calls.js';
import { isEndless, isRetryLimitProperty, retryConfigCall } from '../../analysis/retry/options.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { endlessLimitFix, foreverFix, loopLimitFix } from './fixes.js';
import { checkPython, PYTHON_MESSAGES } from './python.js';

export const rule = defineRule({
  meta: {
    id: 'unbounded-retry',
    defaultSeverity: 'warning',
    description: 'A retry loop around a network call has no attempt limit.',
    category: 'resilience',
    fixable: 'code',
    options: { maxAttempts: z.number().int().min(1).max(100).default(5).describe('Attempts the unbounded-retry quick fix allows before the last error is thrown.') },
    messages: {
      ...PYTHON_MESSAGES,
      endlessLimit: '`{{option}}` retries for ever: when the service stays down, the work never fails, piles up and keeps hammering it. Set a finite limit (e.g. 5) and let the final error surface.',
      forever: '{{library}} with `{{option}}: true` retries for ever: when the service stays down, the work never fails and keeps hammering it. Set a finite `{{limitOption}}` and let the final error surface.',
      unboundedLoop: '{{what}} {{request}} with no attempt limit: while the service is down it spins for ever, hiding the outage and never giving the caller an error. Count attempts and throw after a maximum (e.g. 5).',
    },
  },
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    const { maxAttempts } = ctx.options;
    return {
      on: {
        [ts.SyntaxKind.PropertyAssignment]: (node) => {
          const prop = node as ts.PropertyAssignment;
          if (!isRetryLimitProperty(prop) || !isEndless(prop.initializer, facts)) return;
          ctx.report({ node: prop, messageId: 'endlessLimit', data: { option: prop.getText() }, fix: endlessLimitFix(prop, maxAttempts) });
        },
        [ts.SyntaxKind.CallExpression]: (node) => {
          const config = retryConfigCall(node as ts.CallExpression, facts);
          const foreverOption = config?.library.foreverOption;
          if (!config || !foreverOption) return;
          const forever = lookupProperty(config.config, foreverOption, facts);
          if (forever.kind !== 'present' || propertyValue(forever.prop)?.kind !== ts.SyntaxKind.TrueKeyword) return;
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
