/**
 * Contract 1.4, the Python form of probe.ts: a context whose only use is to wrap a socket that
 * reads the peer's certificate or the handshake result, and writes nothing, is a probe, so
 * turning its checks off lets it see an invalid certificate.
 */
import { enclosingFunction, field, forEachInScope } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_TLS } from '../../models/python.js';
import { boundName } from '../../analysis/python/bindings.js';

const PROBE = PY_TLS[0].probe;

/** Every reference to `name` in the scope, but the one binding it. */
function references(scope: PyNode, name: string, facts: PyFacts): PyNode[] {
  const found: PyNode[] = [];
  forEachInScope(scope, (node) => {
    if (node.type === 'identifier' && facts.textOf(node) === name && !(node.parent?.type === 'attribute' && node.field === 'attribute') && !(node.parent?.type === 'keyword_argument' && node.field === 'name')) found.push(node);
  });
  return found;
}

/** The member read through a reference (`tls.getpeercert`), with the call it makes. */
function memberOf(reference: PyNode, facts: PyFacts): { name: string; assigned: boolean; call?: PyNode } | undefined {
  const member = reference.parent;
  if (member?.type !== 'attribute' || reference.field !== 'object') return undefined;
  const name = facts.textOf(field(member, 'attribute')!);
  const assigned = member.parent?.type === 'assignment' && member.field === 'left';
  const call = member.parent?.type === 'call' && member.field === 'function' ? member.parent : undefined;
  return { name, assigned, call };
}

/** Every use of the wrapped socket reads the handshake or is neutral, and one reads. */
function onlyReadsHandshake(wrap: PyNode, scope: PyNode, facts: PyFacts): boolean {
  const name = boundName(wrap, facts);
  if (!name) return false;
  let reads = false;
  for (const reference of references(scope, name, facts)) {
    if (reference.parent === wrap.parent || field(wrap.parent!, 'alias')?.start === reference.start) continue;
    const member = memberOf(reference, facts);
    if (!member || member.assigned) return false;
    if (PROBE.handshakeReads.includes(member.name)) reads = true;
    else if (!PROBE.neutral.includes(member.name)) return false;
  }
  return reads;
}

/** True when the context an off-assignment sets (`ctx.check_hostname = False`), or an unverified context is bound to, only wraps sockets that probe the certificate. */
export function isPyCertificateProbe(context: PyNode | undefined, facts: PyFacts): boolean {
  const scope = context && enclosingFunction(context);
  if (context?.type !== 'identifier' || !scope) return false;
  let wraps = 0;
  for (const reference of references(scope, facts.textOf(context), facts)) {
    const holder = reference.parent;
    if (holder?.type === 'assignment' && reference.field === 'left') continue;
    const member = memberOf(reference, facts);
    if (!member) return false;
    if (member.assigned || (member.call && PROBE.setup.includes(member.name))) continue;
    if (!member.call || !PROBE.wrap.includes(member.name)) return false;
    if (!onlyReadsHandshake(member.call, scope, facts)) return false;
    wraps++;
  }
  return wraps > 0;
}
