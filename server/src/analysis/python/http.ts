import { calleeName, calleeObject, field, namedChildren, parameterAnnotation, unwrap } from '../../engine/python/ast.js';
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

/**
 * What a qualified callee sends or builds, looked up once per call instead of a scan of every
 * row's lists: the first row listing it wins, its functions before its clients, as a scan in
 * table order would find.
 */
const BY_QUALIFIED_NAME = new Map<string, { model: PyHttpClientModel; kind: 'request' | 'client' }>();
for (const model of PY_HTTP_CLIENTS) {
  for (const name of model.functions) if (!BY_QUALIFIED_NAME.has(name)) BY_QUALIFIED_NAME.set(name, { model, kind: 'request' });
  for (const name of model.clients) if (!BY_QUALIFIED_NAME.has(name)) BY_QUALIFIED_NAME.set(name, { model, kind: 'client' });
}

/** Every method some client sends a request with: any other method call needs no look at its receiver. */
const CLIENT_METHODS = new Set(PY_HTTP_CLIENTS.flatMap((model) => model.methods));

function classify(call: PyNode, facts: PyFacts): PyHttpCall | undefined {
  const callee = field(call, 'function');
  const qualified = facts.qualify(callee);
  const known = qualified === undefined ? undefined : BY_QUALIFIED_NAME.get(qualified);
  if (known) return { call, ...known, name: facts.textOf(callee!) };
  const method = calleeName(call, facts.text);
  if (!method || !CLIENT_METHODS.has(method)) return undefined;
  const object = calleeObject(call);
  if (!object) return undefined;
  const instance = facts.instanceOf(object);
  if (!instance) return undefined;
  const model = PY_HTTP_CLIENTS.find((row) => row.clients.includes(instance.name) && row.methods.includes(method));
  return model && { call, model, kind: 'request', name: facts.textOf(callee!), client: instance.call };
}

/** Every HTTP call of the file (requests, clients), classified once per parse. */
export const pyHttpCalls = perFile((facts): PyHttpCall[] => {
  // A file that imports no HTTP client sends no modelled request.
  if (!facts.importsAny(MODULES)) return [];
  // A loop, not flatMap: most calls are no HTTP call, and each would make an empty list.
  const found: PyHttpCall[] = [];
  for (const call of facts.ofType('call')) {
    const http = classify(call, facts);
    if (http) found.push(http);
  }
  return found;
});

/**
 * The client class a parameter is annotated with (`session: aiohttp.ClientSession`), qualified;
 * also for `self.client` when the class stores such a parameter there (`self._client = client`).
 */
function annotatedClient(object: PyNode, facts: PyFacts): string | undefined {
  if (object.type === 'attribute' && facts.textOf(object).startsWith('self.')) {
    const stored = facts.bindingsOf(facts.textOf(object), object).map((binding) => unwrap(binding.value));
    const clients = new Set(stored.map((value) => (value?.type === 'identifier' ? annotatedClient(value, facts) : undefined)));
    return clients.size === 1 ? [...clients][0] : undefined;
  }
  if (object.type !== 'identifier') return undefined;
  const parameter = facts.bindingsOf(facts.textOf(object), object).find((binding) => binding.value === undefined && binding.scope.type === 'function_definition')?.target.parent;
  const type = parameterAnnotation(parameter);
  return type && facts.qualify(unwrap(namedChildren(type)[0] ?? type));
}

/**
 * Requests sent through a client handed in as a typed parameter (`async def f(session:
 * aiohttp.ClientSession)`). Its configuration is not in the file, so only what the call itself
 * shows counts (the URL it sends to, the loop it runs in), not a missing setting.
 */
export const pyPassedInClientCalls = perFile((facts): PyHttpCall[] => {
  if (!facts.importsAny(MODULES)) return [];
  const found: PyHttpCall[] = [];
  for (const call of facts.ofType('call')) {
    const method = calleeName(call, facts.text);
    const object = method && CLIENT_METHODS.has(method) ? unwrap(calleeObject(call)) : undefined;
    const client = object ? annotatedClient(object, facts) : undefined;
    const model = client && PY_HTTP_CLIENTS.find((row) => row.clients.includes(client) && row.methods.includes(method!));
    if (model) found.push({ call, model, kind: 'request', name: facts.textOf(field(call, 'function')!) });
  }
  return found;
});

/**
 * The client a headers attribute belongs to (`s.headers`, `self.session.headers`): its constructor
 * call, when the file builds it and the library sends those headers with each of its requests.
 */
export function clientOfHeaders(headers: PyNode | undefined, facts: PyFacts): PyNode | undefined {
  if (headers?.type !== 'attribute') return undefined;
  const instance = facts.instanceOf(field(headers, 'object'));
  const model = instance && PY_HTTP_CLIENTS.find((row) => row.clients.includes(instance.name));
  return model?.defaultHeaders !== undefined && facts.textOf(field(headers, 'attribute')!) === model.defaultHeaders ? instance!.call : undefined;
}
