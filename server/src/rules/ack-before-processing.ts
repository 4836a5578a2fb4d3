import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'ack-before-processing',
    defaultSeverity: 'warning',
    description: 'A message is acknowledged before the work it carries is done.',
  },
  create() {
    return {};
  },
};
