import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unbounded-retry',
    defaultSeverity: 'warning',
    description: 'A retry loop around a network call has no attempt limit.',
  },
  create() {
    return {};
  },
};
