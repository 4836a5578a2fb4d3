import { calleeName, calleeObject, field, unwrap } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_CONNECTIONS, type PyConnectionModel } from '../../models/python.js';

/** The receiver was made by one of the row's clients, or by a method of such a client (`r.pubsub()`). */
function madeByClient(receiver: PyNode | undefined, row: PyConnectionModel, facts: PyFacts): boolean {
  const instance = facts.instanceOf(receiver);
  if (!instance) return false;
  if (row.clients.includes(instance.name)) return true;
  const maker = unwrap(field(instance.call, 'function'));
  return maker?.type === 'attribute' && row.clients.includes(facts.instanceOf(field(maker, 'object'))?.name ?? '');
}

function isConnectionCall(call: PyNode, facts: PyFacts): boolean {
  const qualified = facts.qualify(field(call, 'function')) ?? '';
  const method = calleeName(call, facts.text) ?? '';
  return PY_CONNECTIONS.some((row) => facts.importsAny(row.modules) && (row.opens.includes(qualified) || (row.methods.includes(method) && madeByClient(unwrap(calleeObject(call)), row, facts))));
}

/** Calls that open a broker or SDK connection or talk over one (`pika.BlockingConnection(...)`, `pubsub.listen()`), once per parse. */
export const pyConnectionCalls = perFile((facts): ReadonlySet<PyNode> => {
  if (!PY_CONNECTIONS.some((row) => facts.importsAny(row.modules))) return new Set();
  return new Set(facts.ofType('call').filter((call) => isConnectionCall(call, facts)));
});
