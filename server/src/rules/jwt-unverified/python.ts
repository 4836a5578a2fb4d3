import { argument, callArguments, enclosingFunction, field, forEachDescendant, isKeywordFalse, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries } from '../../analysis/python/arguments.js';
import { isRequestValueOrPassedOne } from '../../analysis/python/request-sources.js';
import { PY_JWT } from '../../models/python.js';

const DECODES = new Set(PY_JWT.flatMap((row) => row.decode));
const UNVERIFIED = new Set(PY_JWT.flatMap((row) => row.unverified));

function listsNone(algorithms: PyNode | undefined, facts: PyFacts): boolean {
  const list = unwrap(facts.valueOf(algorithms));
  if (!list) return false;
  const items = list.type === 'list' || list.type === 'tuple' ? namedChildren(list) : [list];
  return items.some((item) => stringValue(facts.valueOf(item), facts.text)?.toLowerCase() === 'none');
}

/** `options={"verify_signature": False}` or PyJWT 1's `verify=False`. */
function skipsSignature(call: PyNode, facts: PyFacts): boolean {
  const args = callArguments(call, facts.text);
  if (isKeywordFalse(facts.valueOf(field(args.keywords.get('verify'), 'value')))) return true;
  const options = dictEntries(facts.valueOf(field(args.keywords.get('options'), 'value')), facts);
  return isKeywordFalse(facts.valueOf(options?.get('verify_signature')?.value));
}

/** A decode with a key and algorithms none of which is `none`: the function verifies. */
function verifies(call: PyNode, facts: PyFacts): boolean {
  const algorithms = field(callArguments(call, facts.text).keywords.get('algorithms'), 'value');
  return argument(call, 1, 'key', facts.text) !== undefined && algorithms !== undefined && !listsNone(algorithms, facts) && !skipsSignature(call, facts);
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  if (!facts.importsAny(PY_JWT.flatMap((row) => row.modules))) return;
  for (const call of facts.ofType('call')) {
    const name = facts.qualify(field(call, 'function'));
    if (!name) continue;
    const isDecode = DECODES.has(name);
    if (isDecode && listsNone(field(callArguments(call, facts.text).keywords.get('algorithms'), 'value'), facts)) {
      ctx.report({ node: call, messageId: 'noneAlgorithm', data: { call: facts.textOf(field(call, 'function')!) } });
      continue;
    }
    if (!(isDecode && skipsSignature(call, facts)) && !UNVERIFIED.has(name)) continue;
    const token = argument(call, 0, 'jwt', facts.text) ?? argument(call, 0, 'token', facts.text);
    if (!token || !isRequestValueOrPassedOne(token, facts)) continue;
    const scope = enclosingFunction(call);
    let verified = false;
    if (scope) {
      forEachDescendant(scope, (node) => {
        if (!verified && node.type === 'call' && node !== call && DECODES.has(facts.qualify(field(node, 'function')) ?? '') && verifies(node, facts)) verified = true;
        return !verified;
      });
    }
    if (!verified) ctx.report({ node: call, messageId: 'pyUnverifiedDecode', data: { call: facts.textOf(field(call, 'function')!) } });
  }
}
