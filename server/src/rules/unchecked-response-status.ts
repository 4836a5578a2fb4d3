import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unchecked-response-status',
    defaultSeverity: 'warning',
    description: 'A fetch response body is read without checking the response status.',
  },
  create() {
    return {};
  },
};
