import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'missing-timeout',
    defaultSeverity: 'warning',
    description: 'An outbound network request has no bound on how long it may take.',
  },
  create() {
    return {};
  },
};
