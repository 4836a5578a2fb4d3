import { field, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';

/** The name a value is bound to, through `await` and parentheses: `x = value`, `with value as x:`; undefined otherwise. */
export function boundName(value: PyNode, facts: PyFacts): string | undefined {
  let site = value;
  while (site.parent && (site.parent.type === 'await' || site.parent.type === 'parenthesized_expression')) site = site.parent;
  const parent = site.parent;
  let target: PyNode | undefined;
  if (parent?.type === 'assignment' && site.field === 'right') target = unwrap(field(parent, 'left'));
  else if (parent?.type === 'as_pattern') {
    const alias = field(parent, 'alias');
    target = alias && (namedChildren(alias)[0] ?? alias);
  }
  return target?.type === 'identifier' ? facts.textOf(target) : undefined;
}
