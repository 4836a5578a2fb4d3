import type { Rule } from '../engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unawaited-publish',
    defaultSeverity: 'warning',
    description: "A message is published and nothing waits for the broker's answer.",
  },
  create() {
    return {};
  },
};
