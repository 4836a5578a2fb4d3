import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'secret-in-log',
    defaultSeverity: 'warning',
    description: 'A log call writes a credential, a whole headers object, or a template that interpolates one.',
  },
  create() {
    return {};
  },
};
