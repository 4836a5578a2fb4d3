/**
 * Contract 1.4: a body that goes into a schema check before any use (`Schema.parse(await
 * res.json())`, or a `safeParse` whose `success` is read) is not taken as data unchecked,
 * since an error body fails the schema loudly.
 */
import { ts } from '../../engine/ts.js';
import { forEachDescendant, isPropertyNamePosition, someDescendant } from '../../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../../engine/facts.js';
import { chainWords, importsAny } from '../../analysis/syntax.js';
import { SCHEMA_NAME_WORD, SCHEMA_VALIDATORS, type ResultCall, type SchemaValidator } from '../../models/schema-validators.js';

type Check = 'throws' | ResultCall;

/** The expression a value ends up as once awaited, parenthesized or cast. */
function outermost(expr: ts.Expression): ts.Expression {
  let node = expr;
  while (ts.isAwaitExpression(node.parent) || skipOuter(node.parent as ts.Expression) !== node.parent) node = node.parent as ts.Expression;
  return node;
}

/**
 * A schema made by the library's builder on an imported binding, directly or through a const:
 * `z.object({ … }).strict()` with `z` imported from a package that re-exports zod.
 */
function builtWith(schema: ts.Expression, builder: NonNullable<SchemaValidator['builder']>, facts: FileFacts): boolean {
  let node = facts.valueOf(schema);
  for (let depth = 0; node && depth < 16; depth++) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(skipOuter(node.expression))) return false;
    const access = skipOuter(node.expression) as ts.PropertyAccessExpression;
    const base = skipOuter(access.expression);
    if (ts.isIdentifier(base) && base.text === builder.binding && builder.constructors.includes(access.name.text)) return facts.resolve(base) !== undefined;
    node = facts.valueOf(base);
  }
  return false;
}

/** How `call` checks its argument `value` against a schema, when it does. */
function schemaCheck(call: ts.CallExpression, value: ts.Expression, facts: FileFacts): Check | undefined {
  const index = call.arguments.indexOf(value);
  const callee = skipOuter(call.expression);
  if (index === 0 && ts.isPropertyAccessExpression(callee) && facts.resolve(callee.expression)?.module !== GLOBAL) {
    const method = callee.name.text;
    const namedSchema = chainWords(callee.expression).at(-1) === SCHEMA_NAME_WORD;
    for (const row of SCHEMA_VALIDATORS) {
      // A result method whose success flag is then read (`x.safeParse(json).success`) shows the schema API by
      // itself: the schema is often imported from another package, with no validator import in the file.
      const result = row.resultMethods?.find((candidate) => candidate.name === method);
      if (result) return result;
      if (!namedSchema && !importsAny(row.modules, facts) && !(row.builder && builtWith(callee.expression, row.builder, facts))) continue;
      if (row.throwingMethods?.includes(method)) return 'throws';
    }
  }
  const ref = index === 1 ? facts.resolve(callee) : undefined;
  const row = ref && SCHEMA_VALIDATORS.find((candidate) => candidate.modules.includes(ref.module));
  const name = ref?.path.join('.');
  if (!row || name === undefined) return undefined;
  if (row.throwingFunctions?.includes(name)) return 'throws';
  return row.resultFunctions?.find((candidate) => candidate.name === name);
}

/** The name holding a check's result (`const parsed = S.safeParse(json)`), when one does. */
function resultHolder(call: ts.CallExpression): ts.Identifier | undefined {
  const holder = outermost(call).parent;
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name : undefined;
}

/** Whether `node` is `<holder>.<success>`, a read of the result's success flag. */
function readsSuccess(node: ts.Node, holder: ts.BindingName, success: string, facts: FileFacts): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === success && ts.isIdentifier(node.expression) && facts.declarationName(node.expression) === holder;
}

/** A check's result whose success flag is read: `.success` on it, or on the const holding it, or destructured. */
function successRead(call: ts.CallExpression, check: ResultCall, facts: FileFacts): boolean {
  const result = outermost(call);
  const holder = result.parent;
  if (ts.isPropertyAccessExpression(holder) && holder.name.text === check.success) return true;
  if (!ts.isVariableDeclaration(holder)) return false;
  if (ts.isObjectBindingPattern(holder.name)) return holder.name.elements.some((element) => (element.propertyName ?? element.name).getText() === check.success);
  const name = holder.name;
  let read = false;
  forEachDescendant(name.getSourceFile(), (node) => {
    if (read) return false;
    if (ts.isIdentifier(node) && node !== name && readsSuccess(node.parent, name, check.success, facts)) read = true;
    return undefined;
  });
  return read;
}

/** A schema check a value goes into: the call, and how it reports a mismatch. */
interface SchemaUse { call: ts.CallExpression; check: Check }

/**
 * The value, or a member of it (`body?.email`: an error body has none, and the check fails),
 * goes straight into a schema check that fails loudly on a mismatch.
 */
function checkedBySchema(value: ts.Expression, facts: FileFacts): SchemaUse | undefined {
  let used = outermost(value);
  while ((ts.isPropertyAccessExpression(used.parent) || ts.isElementAccessExpression(used.parent)) && used.parent.expression === used) used = outermost(used.parent);
  const call = used.parent;
  if (!ts.isCallExpression(call)) return undefined;
  const check = schemaCheck(call, used, facts);
  return check === 'throws' || (check !== undefined && successRead(call, check, facts)) ? { call, check } : undefined;
}

/**
 * A use inside a branch taken on a check's outcome (`if (!parsed.success) { log.error({ json }) }`):
 * the raw body logged or attached to an error beside the schema's verdict, not data taken on trust.
 */
function inCheckedBranch(use: ts.Node, checks: readonly SchemaUse[], facts: FileFacts): boolean {
  for (let node: ts.Node = use; !ts.isSourceFile(node) && !ts.isFunctionLike(node); node = node.parent) {
    const statement = node.parent;
    if (!ts.isIfStatement(statement) || node === statement.expression) continue;
    const condition = statement.expression;
    const testsOutcome = checks.some(({ call, check }) => {
      const holder = resultHolder(call);
      if (!holder || check === 'throws') return false;
      const reads = (inner: ts.Node): boolean => readsSuccess(inner, holder, check.success, facts);
      return reads(condition) || someDescendant(condition, reads);
    });
    if (testsOutcome) return true;
  }
  return false;
}

/**
 * Whether a name's every use (and it has one) is a schema check, or sits in a branch taken on
 * that check's outcome.
 */
function everyUseChecked(name: ts.Identifier, facts: FileFacts): boolean {
  const uses: ts.Identifier[] = [];
  forEachDescendant(name.getSourceFile(), (node) => {
    // `const json = await res.json()`: the `json` of `res.json` is a property name, not a use.
    if (ts.isIdentifier(node) && node !== name && !isPropertyNamePosition(node) && facts.declarationName(node) === name) uses.push(node);
  });
  const checks: SchemaUse[] = [];
  const others: ts.Identifier[] = [];
  for (const use of uses) {
    const check = checkedBySchema(use, facts);
    if (check) checks.push(check);
    else others.push(use);
  }
  return checks.length > 0 && others.every((use) => inCheckedBranch(use, checks, facts));
}

const isThen = (call: ts.Node): call is ts.CallExpression => {
  const callee = ts.isCallExpression(call) ? skipOuter(call.expression) : undefined;
  return callee !== undefined && ts.isPropertyAccessExpression(callee) && callee.name.text === 'then';
};

/**
 * `.then((res) => res.json()).then((body) => Schema.parse(body))`: the parameter under which
 * the next step of the chain receives the body a callback returns.
 */
function nextStepParameter(read: ts.CallExpression): ts.Identifier | undefined {
  const returned = outermost(read);
  const callback = returned.parent;
  if (!(ts.isArrowFunction(callback) && callback.body === returned)) return undefined;
  const step = outermost(callback).parent;
  if (!isThen(step) || !step.arguments.includes(outermost(callback))) return undefined;
  const next = step.parent.parent;
  if (!ts.isPropertyAccessExpression(step.parent) || !isThen(next)) return undefined;
  const handler = next.arguments[0] && skipOuter(next.arguments[0]);
  const parameter = handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) ? handler.parameters[0]?.name : undefined;
  return parameter && ts.isIdentifier(parameter) ? parameter : undefined;
}

/**
 * True when the body a read returns is checked by a schema before any other use: directly,
 * through the const holding it, or in the next `.then` step.
 */
export function validatedBySchema(read: ts.CallExpression, facts: FileFacts): boolean {
  if (checkedBySchema(read, facts)) return true;
  const declaration = outermost(read).parent;
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) return everyUseChecked(declaration.name, facts);
  const parameter = nextStepParameter(read);
  return parameter !== undefined && everyUseChecked(parameter, facts);
}
