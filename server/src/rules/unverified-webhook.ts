import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unverified-webhook',
    defaultSeverity: 'error',
    description: "A webhook route acts on deliveries without verifying the sender's signature.",
  },
  create() {
    return {};
  },
};
