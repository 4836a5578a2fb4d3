import { calleeName, calleeObject, dottedText, field, namedChildren, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_SCHEMA_VALIDATORS } from '../../models/python.js';

type SchemaRow = (typeof PY_SCHEMA_VALIDATORS)[number];

/** The row a class defined in the file is a schema of: a base of the row, or another such class. */
function schemaRowOfClass(name: string, facts: PyFacts, depth = 0): SchemaRow | undefined {
  if (depth > 4) return undefined;
  const definition = facts.ofType('class_definition').find((node) => facts.textOf(field(node, 'name')!) === name);
  const bases = field(definition, 'superclasses');
  for (const base of bases ? namedChildren(bases) : []) {
    const row = PY_SCHEMA_VALIDATORS.find((candidate) => candidate.bases.includes(facts.qualify(base) ?? ''));
    const inherited = row ?? (base.type === 'identifier' ? schemaRowOfClass(facts.textOf(base), facts, depth + 1) : undefined);
    if (inherited) return inherited;
  }
  return undefined;
}

/** Whether a call validates its arguments against a schema: `Model.model_validate(x)`, `Model(**x)`, `Schema().load(x)`, `TypeAdapter(T).validate_python(x)`. */
function validates(call: PyNode, splat: boolean, facts: PyFacts): boolean {
  const method = calleeName(call, facts.text) ?? '';
  const receiver = unwrap(calleeObject(call));
  const callee = unwrap(field(call, 'function'));
  if (splat) return callee?.type === 'identifier' && schemaRowOfClass(facts.textOf(callee), facts)?.constructs === true;
  if (!receiver) return false;
  const className = dottedText(receiver, facts.text);
  const classRow = className && !className.includes('.') ? schemaRowOfClass(className, facts) : undefined;
  if (PY_SCHEMA_VALIDATORS.some((row) => row.classMethods.includes(method) && (classRow === row || facts.importsAny(row.modules)))) return true;
  // An instance: `OrderSchema().load(x)`, or a name bound to one.
  const made = receiver.type === 'call' ? receiver : facts.instanceOf(receiver)?.call;
  const maker = made && unwrap(field(made, 'function'));
  const instanceRow = maker?.type === 'identifier' ? schemaRowOfClass(facts.textOf(maker), facts) : undefined;
  const adapter = made && PY_SCHEMA_VALIDATORS.find((row) => row.modules.some((module) => facts.qualify(maker)?.startsWith(`${module}.`)));
  return PY_SCHEMA_VALIDATORS.some((row) => row.instanceMethods.includes(method) && (instanceRow === row || adapter === row));
}

/** True when a value (a body read) is handed straight to a schema that validates it. */
export function validatedBySchema(value: PyNode, facts: PyFacts): boolean {
  let site = value;
  while (site.parent && (site.parent.type === 'await' || site.parent.type === 'parenthesized_expression')) site = site.parent;
  const splat = site.parent?.type === 'dictionary_splat';
  const list = splat ? site.parent?.parent : site.parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  return call?.type === 'call' && validates(call, splat, facts);
}
