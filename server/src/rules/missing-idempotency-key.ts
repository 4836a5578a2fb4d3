import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'missing-idempotency-key',
    defaultSeverity: 'warning',
    description: 'A money-moving call or a retried POST is sent without an idempotency key.',
  },
  create() {
    return {};
  },
};
