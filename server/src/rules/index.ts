import type { Rule } from '../engine/rule.js';

/** The registry: adding a rule is one module under rules/ and one line here. */
export const rules: Rule[] = [];

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
