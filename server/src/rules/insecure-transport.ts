import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'insecure-transport',
    defaultSeverity: 'warning',
    description: 'A clear-text http:// or ws:// URL to a non-local host is used for an outbound call.',
  },
  create() {
    return {};
  },
};
