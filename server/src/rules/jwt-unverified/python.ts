import { argument, callArguments, calleeName, enclosingFunction, field, forEachDescendant, isKeywordFalse, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries } from '../../analysis/python/arguments.js';
import { isRequestValueOrPassedOne } from '../../analysis/python/request-sources.js';
import { PY_JWT } from '../../models/python.js';
import { splitWords } from '../../secrets/words.js';

/** JWT claims (RFC 7519, not any library's) that say who signed the token: read unverified, they choose the key to verify it with, as the header's `kid` does. */
const ISSUER_CLAIMS = ['iss'];

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

/** `claims["iss"]`, `claims.get("iss")`: a read of the claim that names who signed. */
function readsIssuer(read: PyNode, facts: PyFacts): boolean {
  const parent = read.parent;
  if (parent?.type === 'subscript' && field(parent, 'value') === read) return ISSUER_CLAIMS.includes(stringValue(field(parent, 'subscript'), facts.text) ?? '');
  const call = parent?.type === 'attribute' && field(parent, 'object') === read ? parent.parent : undefined;
  return call?.type === 'call' && calleeName(call, facts.text) === 'get' && ISSUER_CLAIMS.includes(stringValue(callArguments(call, facts.text).positional[0], facts.text) ?? '');
}

/**
 * `claims = jwt.decode(token, options={"verify_signature": False})` read only as `claims["iss"]`
 * (or the decode indexed at once): a peek at who signed, to choose the key, as `get_unverified_header` is.
 */
function peeksAtIssuerOnly(call: PyNode, scope: PyNode, facts: PyFacts): boolean {
  if (readsIssuer(call, facts)) return true;
  const assignment = call.parent?.type === 'assignment' && field(call.parent, 'right') === call ? call.parent : undefined;
  const target = assignment && field(assignment, 'left');
  if (target?.type !== 'identifier') return false;
  const name = facts.textOf(target);
  const reads: PyNode[] = [];
  forEachDescendant(scope, (node) => void (node.type === 'identifier' && node !== target && facts.textOf(node) === name && reads.push(node)));
  return reads.length > 0 && reads.every((read) => readsIssuer(read, facts));
}

/** A call named for verifying a token or its signature: `verify_jwt_signature`, `validate_token`. */
function isTokenVerifierName(name: string): boolean {
  const words = splitWords(name);
  return words.some((word) => word.startsWith('verif') || word.startsWith('valid')) && words.some((word) => ['jwt', 'token', 'signature', 'claims'].includes(word));
}

/** Whether a function verifies a token: a decode with a key and algorithms, or a call named for verifying one. */
function verifiesToken(definition: PyNode, facts: PyFacts): boolean {
  let verified = false;
  forEachDescendant(definition, (node) => {
    if (node.type === 'call') verified = (DECODES.has(facts.qualify(field(node, 'function')) ?? '') && verifies(node, facts)) || isTokenVerifierName(calleeName(node, facts.text) ?? '');
    return !verified;
  });
  return verified;
}

/** The same function hands the token, after the peek, to a function of the file that verifies it (warehouse's OIDC `mint_token`). */
function verifiedLater(call: PyNode, token: PyNode, scope: PyNode, facts: PyFacts): boolean {
  if (token.type !== 'identifier') return false;
  const name = facts.textOf(token);
  let verified = false;
  forEachDescendant(scope, (node) => {
    if (verified || node.type !== 'call' || node.start < call.end) return !verified;
    const passed = namedChildren(field(node, 'arguments') ?? node).some((argument) => unwrap(argument)?.type === 'identifier' && facts.textOf(unwrap(argument)!) === name);
    verified = passed && facts.calledFunctions(node).some((definition) => verifiesToken(definition, facts));
    return !verified;
  });
  return verified;
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
    if (!verified && scope && peeksAtIssuerOnly(call, scope, facts) && verifiedLater(call, unwrap(token)!, scope, facts)) verified = true;
    if (!verified) ctx.report({ node: call, messageId: 'pyUnverifiedDecode', data: { call: facts.textOf(field(call, 'function')!) } });
  }
}
