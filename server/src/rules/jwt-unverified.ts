import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'jwt-unverified',
    defaultSeverity: 'error',
    description: 'A JWT from an incoming request is trusted without verifying its signature.',
  },
  create() {
    return {};
  },
};
