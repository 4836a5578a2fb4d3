import type { Rule, RuleMeta } from '../engine/rule.js';
import { ruleMetas } from './registry.js';

export { configModel } from './registry.js';

/** A registered rule's code: `rules/<id>/rule.ts` exports it as `rule` (the meta-test holds each folder to that). */
function loadRule(meta: RuleMeta): Rule {
  const { rule } = require(`./${meta.id}/rule.ts`) as { rule: Rule };
  return rule;
}

/** The registry's rules, in its order, with their code: what the engine runs. */
export const rules: Rule[] = ruleMetas.map(loadRule);
