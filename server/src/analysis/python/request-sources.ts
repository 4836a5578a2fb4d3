import { callArguments, dottedText, field, forEachDescendant, namedChildren, stringValue, unwrap } from '../../engine/python/ast.js';
import { PY_REQUEST_SCOPES } from '../../models/python.js';
import { parameterArgument } from './arguments.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { pyHttpCalls } from './http.js';

/** What a view reads from the incoming request: Flask, Django, Starlette / FastAPI request objects. */
const REQUEST_READS = /^(?:self\.)?(?:request|req|websocket|ws)\.(?:headers|cookies|args|form|values|json|get_json|data|META|COOKIES|GET|POST|query_params|path_params|query|body|authorization)\b/;
/** FastAPI parameter defaults that read the request. */
const PARAMETER_SOURCES = new Set(['fastapi.Header', 'fastapi.Cookie', 'fastapi.Query', 'fastapi.Body', 'fastapi.Form', 'Header', 'Cookie', 'Query']);
/** Security schemes whose dependency hands the view the bearer token. */
const TOKEN_SCHEMES = new Set(['fastapi.security.OAuth2PasswordBearer', 'fastapi.security.HTTPBearer', 'fastapi.security.APIKeyHeader', 'fastapi.security.APIKeyCookie', 'fastapi.security.APIKeyQuery']);

/** A parameter default that reads the request: `Header()`, `Cookie()`, `Depends(oauth2_scheme)`. */
function isSourceDefault(value: PyNode | undefined, facts: PyFacts): boolean {
  const call = unwrap(value);
  if (call?.type !== 'call') return false;
  const name = facts.qualify(field(call, 'function')) ?? '';
  if (PARAMETER_SOURCES.has(name)) return true;
  if (name !== 'fastapi.Depends' && name !== 'Depends') return false;
  const dependency = facts.instanceOf(callArguments(call, facts.text).positional[0]);
  return dependency !== undefined && TOKEN_SCHEMES.has(dependency.name);
}

/** Whether the parameter `name` reads the request: through its default, or an `Annotated[str, Depends(oauth2_scheme)]` type. */
function isSourceParameter(definition: PyNode | undefined, name: string, facts: PyFacts): boolean {
  const parameters = definition && field(definition, 'parameters');
  for (const parameter of parameters ? namedChildren(parameters) : []) {
    const id = field(parameter, 'name') ?? namedChildren(parameter).find((child) => child.type === 'identifier');
    if (!id || facts.textOf(id) !== name) continue;
    if (isSourceDefault(field(parameter, 'value'), facts)) return true;
    let annotated = false;
    const type = field(parameter, 'type');
    if (type) forEachDescendant(type, (node) => !(annotated ||= node.type === 'call' && isSourceDefault(node, facts)));
    return annotated;
  }
  return false;
}

/** `self.scope["query_string"]` in a Channels consumer: the websocket's query, headers or cookies. */
function isScopeRead(subscript: PyNode, facts: PyFacts): boolean {
  const owner = dottedText(field(subscript, 'value'), facts.text);
  const key = stringValue(field(subscript, 'subscript'), facts.text);
  return PY_REQUEST_SCOPES.some((row) => row.owners.includes(owner ?? '') && row.keys.includes(key ?? '') && facts.importsAny(row.modules));
}

function fromRequest(expr: PyNode, facts: PyFacts, depth: number, throughCalls: boolean): boolean {
  if (depth > 4) return false;
  let found = false;
  const outbound = new Set(pyHttpCalls(facts).map((http) => http.call));
  forEachDescendant(expr, (node) => {
    if (found) return false;
    // An outbound call's response (an OAuth token response) is not the request's, whatever request data it sent.
    if (outbound.has(node)) return false;
    if (node.type === 'subscript' && isScopeRead(node, facts)) {
      found = true;
      return false;
    }
    if (node.type !== 'identifier' && node.type !== 'attribute') return true;
    const dotted = dottedText(node, facts.text);
    if (dotted && REQUEST_READS.test(dotted)) {
      found = true;
      return false;
    }
    if (node.type === 'identifier') {
      const name = facts.textOf(node);
      const definition = facts.bindingsOf(name, node).find((binding) => binding.value === undefined && binding.scope.type === 'function_definition')?.scope;
      if (definition && isSourceParameter(definition, name, facts)) found = true;
      // A parameter: what the file's calls of the function pass it.
      if (!found && definition && throughCalls) {
        found = facts.ofType('call').some((call) => {
          const given = facts.calledFunctions(call).includes(definition) ? parameterArgument(call, definition, name, facts) : undefined;
          return given !== undefined && fromRequest(given, facts, depth + 1, true);
        });
      }
      const value = facts.valueOf(node);
      if (!found && value && value !== node) found = fromRequest(value, facts, depth + 1, throughCalls);
      return false;
    }
    return true;
  });
  return found;
}

/**
 * True when an expression's value comes from the incoming request, following the file's names
 * a few steps (`auth = request.headers["Authorization"]; token = auth.split()[1]`).
 */
export function isRequestValue(expr: PyNode, facts: PyFacts): boolean {
  return fromRequest(expr, facts, 0, false);
}

/** As `isRequestValue`, or a parameter some call in the file passes a request value (`decode_token(request.headers[...])`). */
export function isRequestValueOrPassedOne(expr: PyNode, facts: PyFacts): boolean {
  return fromRequest(expr, facts, 0, true);
}
