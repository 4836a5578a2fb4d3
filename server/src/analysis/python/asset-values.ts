import { calleeName, field, namedChildren, parameterAnnotation, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { isAssetName } from '../../secrets/words.js';

const OPTIONAL = /^(?:typing\.)?Optional\[(.*)\]$/;
const DOTTED_NAME = /^[A-Za-z_][\w.]*$/;

/**
 * `EvmToken`, `'EvmToken'`, `EvmToken | None`, `Optional[Asset]`: an annotation every member of
 * which (None aside) is a class named for an on-chain asset. `str`, `ApiKey` or `AccessToken` is none.
 */
function annotatesAsset(annotation: PyNode | undefined, facts: PyFacts): boolean {
  if (!annotation) return false;
  let text = facts.textOf(annotation).trim();
  if (/^(['"]).*\1$/s.test(text)) text = text.slice(1, -1).trim();
  text = OPTIONAL.exec(text)?.[1] ?? text;
  const members = text.split('|').map((member) => member.trim()).filter((member) => member !== 'None');
  return members.length > 0 && members.every((member) => DOTTED_NAME.test(member) && isAssetName(member.slice(member.lastIndexOf('.') + 1)));
}

/**
 * Attribute names the file's classes declare in their bodies (`token_0: EvmToken` in a NamedTuple
 * or a dataclass), with whether every declaration of the name annotates an asset class.
 */
const declaredAttributes = perFile((facts): Map<string, boolean> => {
  const declared = new Map<string, boolean>();
  for (const assignment of facts.ofType('assignment')) {
    const target = field(assignment, 'left');
    const type = field(assignment, 'type');
    const body = assignment.parent?.parent;
    if (target?.type !== 'identifier' || !type || body?.type !== 'block' || body.parent?.type !== 'class_definition') continue;
    const name = facts.textOf(target);
    declared.set(name, (declared.get(name) ?? true) && annotatesAsset(type, facts));
  }
  return declared;
});

/**
 * Whether the file says a value is an on-chain asset rather than a credential string: a name every
 * binding of which is a parameter annotated with an asset class, an assignment annotated so, a
 * value an asset class or factory made (`EvmToken(...)`, `get_or_create_evm_token(...)`) or
 * another such value; an attribute every class of the file declares as an asset. A loop variable
 * or a parameter with no annotation shows nothing.
 */
export function isAssetValue(node: PyNode | undefined, facts: PyFacts, depth = 0): boolean {
  let value = unwrap(node);
  if (value?.type === 'await') value = unwrap(namedChildren(value)[0]);
  if (!value || depth > 4) return false;
  if (value.type === 'call') return isAssetName(calleeName(value, facts.text) ?? '');
  if (value.type === 'attribute') return declaredAttributes(facts).get(facts.textOf(field(value, 'attribute')!)) === true;
  if (value.type !== 'identifier') return false;
  const name = facts.textOf(value);
  const bindings = facts.bindingsOf(name, value);
  return bindings.length > 0 && bindings.every(({ target, value: bound }) => {
    const holder = target.parent;
    const annotation = parameterAnnotation(holder);
    if (annotation) return annotatesAsset(annotation, facts);
    if (holder?.type === 'assignment' && field(holder, 'type')) return annotatesAsset(field(holder, 'type'), facts);
    const made = unwrap(bound);
    // `earned_token = underlying_token`: a name the word test already reads as an asset.
    if (made?.type === 'identifier' && isAssetName(facts.textOf(made))) return true;
    return bound !== undefined && isAssetValue(bound, facts, depth + 1);
  });
}
