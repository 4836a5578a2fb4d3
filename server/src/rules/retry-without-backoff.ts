import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'retry-without-backoff',
    defaultSeverity: 'warning',
    description: 'A failed network call is retried with no wait, or with the same fixed wait every time.',
  },
  create() {
    return {};
  },
};
