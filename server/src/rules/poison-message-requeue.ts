import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'poison-message-requeue',
    defaultSeverity: 'warning',
    description: 'A failed message is requeued with no delivery limit.',
  },
  create() {
    return {};
  },
};
