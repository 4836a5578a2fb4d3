import { calleeName, calleeObject, field } from '../../engine/python/ast.js';
import { perFile, type PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_HTTP_CLIENTS, type PyHttpClientModel } from '../../models/python.js';

export interface PyHttpCall {
  call: PyNode;
  model: PyHttpClientModel;
  /** `request`: the call sends a request; `client`: it builds a client (a Session, a pool, a connection). */
  kind: 'request' | 'client';
  /** As written, for messages: `requests.get`, `session.post`, `httpx.Client`. */
  name: string;
  /** For a request sent through a client the file builds: that client's constructor call. */
  client?: PyNode;
}

const MODULES = PY_HTTP_CLIENTS.flatMap((model) => model.modules);

function classify(call: PyNode, facts: PyFacts): PyHttpCall | undefined {
  const callee = field(call, 'function');
  const qualified = facts.qualify(callee);
  const written = callee ? facts.textOf(callee) : '';
  if (qualified) {
    for (const model of PY_HTTP_CLIENTS) {
      if (model.functions.includes(qualified)) return { call, model, kind: 'request', name: written };
      if (model.clients.includes(qualified)) return { call, model, kind: 'client', name: written };
    }
  }
  const method = calleeName(call, facts.text);
  const object = calleeObject(call);
  if (!method || !object) return undefined;
  const instance = facts.instanceOf(object);
  if (!instance) return undefined;
  const model = PY_HTTP_CLIENTS.find((row) => row.clients.includes(instance.name) && row.methods.includes(method));
  return model && { call, model, kind: 'request', name: written, client: instance.call };
}

/** Every HTTP call of the file (requests, clients), classified once per parse. */
export const pyHttpCalls = perFile((facts): PyHttpCall[] => {
  // A file that imports no HTTP client sends no modelled request.
  if (!facts.importsAny(MODULES)) return [];
  return facts.ofType('call').flatMap((call) => classify(call, facts) ?? []);
});
