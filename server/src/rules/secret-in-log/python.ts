import { callArguments, calleeName, calleeObject, dottedText, field, forEachDescendant, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { isCredentialName, splitWords } from '../../secrets/words.js';
import { CREDENTIAL_HEADERS } from '../../models/credential-headers.js';
import { isPyLogCall } from '../../analysis/python/logging.js';
import { clientOfHeaders, pyHttpCalls } from '../../analysis/python/http.js';
import { PY_HTTP_CLIENTS } from '../../models/python.js';
import { isAssetValue } from '../../analysis/python/asset-values.js';

/** Calls whose result says something about a secret without being it. */
const MASKING_PREFIXES = ['mask', 'redact', 'obfuscate', 'truncate', 'censor', 'sha', 'md5'];
const MASKING_NAMES = new Set(['bool', 'len', 'type', 'isinstance', 'callable', 'hasattr']);

function isMasking(name: string): boolean {
  const lowered = name.toLowerCase();
  return MASKING_NAMES.has(lowered) || lowered.includes('hash') || MASKING_PREFIXES.some((prefix) => lowered.startsWith(prefix));
}
/** Whole headers objects: `request.headers`, `request.META`, `resp.request.headers`, `session.headers`. */
const HEADERS = /(?:^|\.)(?:request|req|response|resp|r|session|self\.session)\.(?:headers|META)$|^(?:request|req)\.(?:headers|META)$|\.request\.headers$/;

/** A whole headers object: one named as above, or the default headers of a client the file builds (`partner.headers` after `partner = requests.Session()`). */
function isHeadersObject(node: PyNode | undefined, facts: PyFacts): boolean {
  return HEADERS.test(dottedText(node, facts.text) ?? '') || clientOfHeaders(unwrap(node), facts) !== undefined;
}

const HEADER_LAST_WORDS = new Set(CREDENTIAL_HEADERS.lastWords);

function isCredentialHeader(name: string): boolean {
  return HEADER_LAST_WORDS.has(splitWords(name).pop() ?? '');
}

/** Names a response goes by: `response = client.get(...)`, `def on_error(resp)`, `e.response`. */
const RESPONSE_NAMES = new Set(['response', 'resp', 'res', 'r']);
/** `def f(r: requests.Response)`, `Optional["httpx.Response"]`, `aiohttp.ClientResponse`. */
const RESPONSE_TYPE = /Response\b/;
const REQUEST_BUILDERS = new Set(PY_HTTP_CLIENTS.flatMap((client) => client.requestBuilders ?? []));
const PARAMETERS = new Set(['parameters', 'lambda_parameters']);

/**
 * `r.headers` where `r` is a response: what the server answered with, which holds none of the
 * request's Authorization or Cookie values (the contract lists request-side objects only). A
 * response is an attribute named as one (`e.response`, `self.response`), or a name every binding
 * of which is the file's own request (`r = requests.post(...)`), a call's result under a
 * response's name (`response = self._query(...)`, not a request being built), or a parameter
 * annotated as a response, or named as one when not annotated.
 */
function isResponseHeaders(headers: PyNode, facts: PyFacts): boolean {
  const owner = headers.type === 'attribute' ? unwrap(field(headers, 'object')) : undefined;
  if (owner?.type === 'attribute') return RESPONSE_NAMES.has(facts.textOf(field(owner, 'attribute')!));
  if (owner?.type !== 'identifier') return false;
  const name = facts.textOf(owner);
  const sent = new Set(pyHttpCalls(facts).filter((http) => http.kind === 'request').map((http) => http.call));
  const bindings = facts.bindingsOf(name, owner);
  return bindings.length > 0 && bindings.every(({ value, target }) => {
    if (value === undefined) return isResponseParameter(target, name, facts);
    const made = unwrap(value.type === 'await' ? namedChildren(value)[0] : value);
    if (made === undefined) return false;
    return sent.has(made) || (made.type === 'call' && RESPONSE_NAMES.has(name) && !REQUEST_BUILDERS.has(calleeName(made, facts.text) ?? ''));
  });
}

/** What a collection of responses is named (`responses`, `self.responses`, requests' redirect `history`), by its last word. */
const RESPONSES_WORDS = new Set(['responses', 'history']);

/**
 * A parameter annotated as a response, or unannotated and named as one; a loop variable named as
 * a response over a collection named as responses (`for response in responses`,
 * `for resp in r.history`).
 */
function isResponseParameter(target: PyNode, name: string, facts: PyFacts): boolean {
  if (target.parent?.type === 'for_statement' && target.field === 'left') {
    const collection = dottedText(field(target.parent, 'right'), facts.text);
    return RESPONSE_NAMES.has(name) && collection !== undefined && RESPONSES_WORDS.has(splitWords(collection.split('.').pop()!).pop() ?? '');
  }
  const parameter = PARAMETERS.has(target.parent?.type ?? '') ? target : target.parent;
  if (!parameter || !PARAMETERS.has(parameter.parent?.type ?? '')) return false;
  const annotation = field(parameter, 'type');
  return annotation ? RESPONSE_TYPE.test(facts.textOf(annotation)) : RESPONSE_NAMES.has(name);
}

/** A value read by a literal key (`owner["password"]`, `owner.get("password")`) that names a credential, or a credential header of a headers object. */
function keyedSecret(owner: PyNode | undefined, keyNode: PyNode | undefined, facts: PyFacts, names: readonly string[]): boolean {
  const key = stringValue(keyNode, facts.text);
  if (key === undefined) return false;
  return isCredentialName(key, names) || (isHeadersObject(owner, facts) && isCredentialHeader(key));
}

/** The credential-named values and headers objects an argument writes, masked ones left out. */
function writtenSecrets(argument: PyNode, facts: PyFacts, names: readonly string[]): Array<{ node: PyNode; headers: boolean }> {
  const found: Array<{ node: PyNode; headers: boolean }> = [];
  forEachDescendant(argument, (node) => {
    if (node.type === 'call') {
      const name = calleeName(node, facts.text) ?? '';
      if (isMasking(name)) return false;
      // `request.headers.get("Authorization")` reads one value, as the subscript does.
      if (name === 'get' && keyedSecret(calleeObject(node), callArguments(node, facts.text).positional[0], facts, names)) {
        found.push({ node, headers: false });
        return false;
      }
      // dict(request.headers) is the headers object itself.
      if (name === 'dict' && namedChildren(field(node, 'arguments') ?? node).length === 1) return true;
      return ['format', 'str', 'repr', 'dumps'].includes(name);
    }
    // "set" if token else "missing": only the branches are written, the condition is not.
    if (node.type === 'conditional_expression') {
      const [whenTrue, , whenFalse] = namedChildren(node);
      for (const branch of [whenTrue, whenFalse]) if (branch) found.push(...writtenSecrets(branch, facts, names));
      return false;
    }
    // `token is None`, `not token`: a flag, not the value.
    if (node.type === 'comparison_operator' || node.type === 'not_operator') return false;
    if (node.type === 'subscript') {
      if (isShortPrefix(field(node, 'subscript'), facts) || isIdentityKey(field(node, 'subscript'), facts)) return false;
      if (stringValue(field(node, 'subscript'), facts.text) === undefined) return true;
      if (keyedSecret(field(node, 'value'), field(node, 'subscript'), facts, names)) {
        found.push({ node, headers: false });
        return false;
      }
      // `request.headers["X-Request-Id"]` is one header's value, not the whole object.
      return !isHeadersObject(field(node, 'value'), facts);
    }
    if (node.type !== 'identifier' && node.type !== 'attribute') return true;
    const dotted = dottedText(node, facts.text);
    if (!dotted) return true;
    if (isHeadersObject(node, facts)) {
      if (!isResponseHeaders(node, facts)) found.push({ node, headers: true });
    }
    // A token the file types or makes as an on-chain asset (`token: EvmToken`) is a currency, not a credential.
    else if (isCredentialName(dotted.split('.').pop()!, names) && !isAssetValue(node, facts)) found.push({ node, headers: false });
    return false;
  });
  return found;
}

export function checkPython(ctx: PythonContext<{ credentialNames: string[] }>): void {
  const { facts } = ctx.file;
  const names = ctx.options.credentialNames;
  for (const call of facts.ofType('call')) {
    if (!isPyLogCall(call, facts)) continue;
    const list = field(call, 'arguments');
    if (!list) continue;
    let first: { node: PyNode; headers: boolean } | undefined;
    for (const argument of namedChildren(list)) {
      if (argument.type === 'keyword_argument') {
        // structlog / extra=: a keyword named for a credential writes its value.
        const name = facts.textOf(field(argument, 'name')!);
        const value = field(argument, 'value')!;
        if (name === 'extra' || name === 'exc_info' || name === 'stack_info') {
          if (name === 'extra') first ??= writtenSecrets(value, facts, names)[0] ?? dictKeySecret(value, facts, names);
          continue;
        }
        if (isCredentialName(name, names) && !isMasked(value, facts) && !isAssetValue(value, facts)) first ??= { node: argument, headers: false };
        else first ??= writtenSecrets(value, facts, names)[0];
        continue;
      }
      first ??= writtenSecrets(argument, facts, names)[0];
    }
    if (!first) continue;
    const callee = field(call, 'function');
    ctx.report({ node: call, messageId: first.headers ? 'pyHeaders' : 'pySecret', data: { call: callee ? facts.textOf(callee) : 'print', secret: facts.textOf(first.node).replace(/\s+/g, ' ').slice(0, 60) } });
  }
}

/** The last words of a key that names who a credential belongs to, the half of a login that is no secret. */
const IDENTITY_WORDS = new Set(['user', 'username', 'login', 'email']);

/** `credentials["username"]`, `creds["user_email"]`: the user half of a credential, as `credentials.username` is. */
function isIdentityKey(index: PyNode | undefined, facts: PyFacts): boolean {
  const key = stringValue(index, facts.text);
  return key !== undefined && IDENTITY_WORDS.has(splitWords(key).pop() ?? '');
}

/** Longest prefix that counts as a display mask (contract 1.4: `token[:n]` with a literal n of 8 or less). */
const SHORT_PREFIX = 8;

/**
 * `[0]`, `[:4]`, `[0:8]`: the value cut to a short prefix for display, masked. Dropping a prefix
 * (`[4:]`) or a computed end still writes the secret.
 */
function isShortPrefix(index: PyNode | undefined, facts: PyFacts): boolean {
  if (index?.type === 'integer') return Number(facts.textOf(index)) >= 0;
  if (index?.type !== 'slice') return false;
  const colon = index.children.findIndex((child) => child.type === ':');
  const parts = [index.children.slice(0, colon), index.children.slice(colon + 1)].map((part) => part.filter((child) => child.named));
  const [start, stop] = parts.map((part) => (part.length === 1 && part[0].type === 'integer' ? Number(facts.textOf(part[0])) : part.length === 0 ? undefined : NaN));
  return (start === undefined || start === 0) && stop !== undefined && stop >= 0 && stop <= SHORT_PREFIX && index.children.filter((child) => child.type === ':').length === 1;
}

function isMasked(value: PyNode, facts: PyFacts): boolean {
  const shown = unwrap(value);
  return shown?.type === 'call' && isMasking(calleeName(shown, facts.text) ?? '');
}

/** `extra={"password": pw}`: a key named for a credential. */
function dictKeySecret(value: PyNode, facts: PyFacts, names: readonly string[]): { node: PyNode; headers: boolean } | undefined {
  const dict = unwrap(value);
  if (dict?.type !== 'dictionary') return undefined;
  for (const pair of namedChildren(dict)) {
    const key = stringValue(field(pair, 'key'), facts.text);
    if (key !== undefined && isCredentialName(key, names) && !isMasked(field(pair, 'value')!, facts)) return { node: pair, headers: false };
  }
  return undefined;
}
