import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'hardcoded-credential',
    defaultSeverity: 'error',
    description: 'A credential is written into the source instead of coming from the environment or a secret store.',
  },
  create() {
    return {};
  },
};
