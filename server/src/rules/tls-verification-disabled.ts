import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    defaultSeverity: 'error',
    description: 'TLS certificate verification is turned off.',
  },
  create() {
    return {};
  },
};
