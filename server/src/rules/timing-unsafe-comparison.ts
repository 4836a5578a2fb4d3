import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'timing-unsafe-comparison',
    defaultSeverity: 'warning',
    description: 'A signature, HMAC digest or secret token is compared with a timing-unsafe operator.',
  },
  create() {
    return {};
  },
};
