import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'swallowed-message-error',
    defaultSeverity: 'warning',
    description: 'A message handler catches a processing error and lets the message be committed.',
  },
  create() {
    return {};
  },
};
