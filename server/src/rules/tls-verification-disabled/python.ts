import { callArguments, field, isKeywordFalse, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries, keywordState } from '../../analysis/python/arguments.js';
import { pyHttpCalls } from '../../analysis/python/http.js';
import { PY_HTTP_CLIENTS, PY_TLS } from '../../models/python.js';
import type { PYTHON_MESSAGES } from './meta.js';
import { isPyCertificateProbe } from './python-probe.js';

type MessageId = keyof typeof PYTHON_MESSAGES;

const TLS = PY_TLS[0];
const TLS_KEYWORDS = new Set(PY_HTTP_CLIENTS.flatMap((model) => model.tlsKeywords));

function isCertNone(node: PyNode | undefined, facts: PyFacts): boolean {
  const value = facts.valueOf(node);
  if (!value) return false;
  return stringValue(value, facts.text) === 'CERT_NONE' || TLS.certNone.includes(facts.qualify(value) ?? '');
}

/** `"0"` or `0`. */
function isZero(node: PyNode | undefined, facts: PyFacts): boolean {
  const value = facts.valueOf(node);
  return value !== undefined && (stringValue(value, facts.text) === '0' || facts.textOf(value) === '0');
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  const report = (node: PyNode, messageId: MessageId, fixValue?: PyNode) =>
    ctx.report({ node, messageId, data: { setting: facts.textOf(node).split('\n')[0] }, fix: fixValue ? () => ({ start: fixValue.start, end: fixValue.end, text: 'True' }) : undefined });

  // verify=False / ssl=False given to an HTTP client's call or constructor (aiohttp's TCPConnector too).
  const checked = new Set<PyNode>();
  const checkKeywords = (call: PyNode, keywords: readonly string[]) => {
    if (checked.has(call)) return;
    checked.add(call);
    for (const name of keywords) {
      const state = keywordState(call, name, facts);
      if (state.kind === 'present' && isKeywordFalse(facts.valueOf(state.value))) report(state.node, 'pyVerifyOff', name === 'verify' && state.node.type === 'keyword_argument' ? state.value : undefined);
    }
  };
  for (const http of pyHttpCalls(facts)) checkKeywords(http.call, http.model.tlsKeywords);

  for (const call of facts.ofType('call')) {
    const name = facts.qualify(field(call, 'function'));
    if (!name) continue;
    if (name === 'aiohttp.TCPConnector') checkKeywords(call, [...TLS_KEYWORDS]);
    if (TLS.unverifiedContext.includes(name) && !isPyCertificateProbe(call.parent?.type === 'assignment' ? field(call.parent, 'left') : undefined, facts)) report(call, 'pyUnverifiedContext');
    const args = callArguments(call, facts.text);
    // urllib3 pools: cert_reqs="CERT_NONE"; websocket-client: sslopt={"cert_reqs": ssl.CERT_NONE}.
    const certReqs = args.keywords.get('cert_reqs');
    if (certReqs && isCertNone(field(certReqs, 'value'), facts)) report(certReqs, 'pyVerifyOff');
    const sslopt = args.keywords.get('sslopt');
    const entry = sslopt && dictEntries(facts.valueOf(field(sslopt, 'value')), facts)?.get('cert_reqs');
    if (sslopt && entry && isCertNone(entry.value, facts)) report(sslopt, 'pyVerifyOff');
    // os.putenv("PYTHONHTTPSVERIFY", "0"), os.environ.setdefault(...).
    if ((name === 'os.putenv' || name === 'os.environ.setdefault') && TLS.environment.includes(stringValue(args.positional[0], facts.text) ?? '') && isZero(args.positional[1], facts)) report(call, 'pyEnvironment');
  }

  for (const assignment of facts.ofType('assignment')) {
    const left = unwrap(field(assignment, 'left'));
    const right = field(assignment, 'right');
    if (!left || !right) continue;
    if (left.type === 'subscript') {
      // os.environ["PYTHONHTTPSVERIFY"] = "0"
      const subscript = field(left, 'subscript');
      if (facts.qualify(field(left, 'value')) === 'os.environ' && TLS.environment.includes(stringValue(subscript, facts.text) ?? '') && isZero(right, facts)) report(assignment, 'pyEnvironment');
      continue;
    }
    if (left.type !== 'attribute') continue;
    const attribute = facts.textOf(field(left, 'attribute')!);
    const target = facts.qualify(left);
    if (target && TLS.defaultContext.includes(target) && TLS.unverifiedContext.includes(facts.qualify(right) ?? '')) {
      report(assignment, 'pyUnverifiedContext');
      continue;
    }
    if (attribute === 'verify' && isKeywordFalse(facts.valueOf(right))) {
      // session.verify = False on a requests Session (or an httpx client) the file builds.
      const owner = facts.instanceOf(field(left, 'object'));
      if (owner && PY_HTTP_CLIENTS.some((model) => model.tlsKeywords.includes('verify') && model.clients.includes(owner.name))) report(assignment, 'pyVerifyOff', unwrap(right));
      continue;
    }
    const off = TLS.offAssignments.find((candidate) => candidate.attribute === attribute);
    if (!off) continue;
    if (off.value === 'False' ? isKeywordFalse(facts.valueOf(right)) : isCertNone(right, facts)) {
      if (!isPyCertificateProbe(field(left, 'object'), facts)) report(assignment, 'pyVerifyOff');
    }
  }
}
