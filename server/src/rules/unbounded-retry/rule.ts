import { ts } from '../../engine/ts.js';
import { lookupProperty, propertyName, propertyValue } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import { requestName } from '../../analysis/network-calls.js';
import { isEndless, retryConfigCall } from '../../analysis/retry-options.js';
import { retryLoops } from '../../analysis/retry-loops.js';

/** Option names that cap attempts in the retry libraries and SDKs (`retries`, got's `retry.limit`, ...). */
const LIMIT_NAMES = new Set(['retries', 'maxRetries', 'maxNetworkRetries', 'maxAttempts', 'retryLimit', 'retry']);

function isRetryLimitProperty(prop: ts.PropertyAssignment): boolean {
  const name = propertyName(prop.name);
  if (name && LIMIT_NAMES.has(name)) return true;
  // got / ky: `retry: { limit: Infinity }`.
  const owner = prop.parent;
  const holder = owner.parent;
  return name === 'limit' && ts.isPropertyAssignment(holder) && propertyName(holder.name) === 'retry';
}

export const rule = defineRule({
  meta: {
    id: 'unbounded-retry',
    defaultSeverity: 'warning',
    description: 'A retry loop around a network call has no attempt limit.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts } = ctx.file;
    return {
      on: {
        [ts.SyntaxKind.PropertyAssignment]: (node) => {
          const prop = node as ts.PropertyAssignment;
          if (!isRetryLimitProperty(prop) || !isEndless(prop.initializer, facts)) return;
          ctx.report({
            node: prop,
            message: `\`${prop.getText()}\` retries for ever: when the service stays down, the work never fails, piles up and keeps hammering it. Set a finite limit (e.g. 5) and let the final error surface.`,
          });
        },
        [ts.SyntaxKind.CallExpression]: (node) => {
          const config = retryConfigCall(node as ts.CallExpression, facts);
          if (!config || config.library === 'axios-retry') return;
          // node-retry's `forever`, honoured by async-retry and older p-retry.
          const forever = lookupProperty(config.config, 'forever', facts);
          if (forever.kind !== 'present' || propertyValue(forever.prop)?.kind !== ts.SyntaxKind.TrueKeyword) return;
          ctx.report({
            node: forever.prop,
            message: `${config.library} with \`forever: true\` retries for ever: when the service stays down, the work never fails and keeps hammering it. Set a finite \`retries\` and let the final error surface.`,
          });
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          if (loop.kind === 'callback' || loop.bounded) continue;
          const what = loop.kind === 'recursion' ? 'This function retries' : 'This loop retries';
          ctx.report({
            node: loop.node,
            message: `${what} ${requestName(loop.requests[0])} with no attempt limit: while the service is down it spins for ever, hiding the outage and never giving the caller an error. Count attempts and throw after a maximum (e.g. 5).`,
          });
        }
      },
    };
  },
});
