/**
 * Contract 1.4: a body that goes into a schema check before any use (`Schema.parse(await
 * res.json())`, or a `safeParse` whose `success` is read) is not taken as data unchecked,
 * since an error body fails the schema loudly.
 */
import { ts } from '../../engine/ts.js';
import { forEachDescendant, isPropertyNamePosition } from '../../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../../engine/facts.js';
import { chainWords, importsAny } from '../../analysis/syntax.js';
import { SCHEMA_NAME_WORD, SCHEMA_VALIDATORS, type ResultCall } from '../../models/schema-validators.js';

type Check = 'throws' | ResultCall;

/** The expression a value ends up as once awaited, parenthesized or cast. */
function outermost(expr: ts.Expression): ts.Expression {
  let node = expr;
  while (ts.isAwaitExpression(node.parent) || skipOuter(node.parent as ts.Expression) !== node.parent) node = node.parent as ts.Expression;
  return node;
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
      if (!namedSchema && !importsAny(row.modules, facts)) continue;
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
    if (ts.isIdentifier(node) && node !== name && facts.declarationName(node) === name && ts.isPropertyAccessExpression(node.parent) && node.parent.name.text === check.success) read = true;
    return undefined;
  });
  return read;
}

/**
 * The value, or a member of it (`body?.email`: an error body has none, and the check fails),
 * goes straight into a schema check that fails loudly on a mismatch.
 */
function checkedBySchema(value: ts.Expression, facts: FileFacts): boolean {
  let used = outermost(value);
  while ((ts.isPropertyAccessExpression(used.parent) || ts.isElementAccessExpression(used.parent)) && used.parent.expression === used) used = outermost(used.parent);
  const call = used.parent;
  if (!ts.isCallExpression(call)) return false;
  const check = schemaCheck(call, used, facts);
  return check === 'throws' || (check !== undefined && successRead(call, check, facts));
}

/** Whether a name's every use (and it has one) is a schema check. */
function everyUseChecked(name: ts.Identifier, facts: FileFacts): boolean {
  const uses: ts.Identifier[] = [];
  forEachDescendant(name.getSourceFile(), (node) => {
    // `const json = await res.json()`: the `json` of `res.json` is a property name, not a use.
    if (ts.isIdentifier(node) && node !== name && !isPropertyNamePosition(node) && facts.declarationName(node) === name) uses.push(node);
  });
  return uses.length > 0 && uses.every((use) => checkedBySchema(use, facts));
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
