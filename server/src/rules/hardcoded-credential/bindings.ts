/**
 * What a literal in code is bound to: the name a variable, key, parameter or setter gives
 * it, what surrounds that name (`sendgrid: { apiKey }`, `class PartnerClient`), and whether
 * it is the fallback of an environment read. Shared by the detection and the suggestion.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { propertyName } from '../../engine/ast.js';
import { GLOBAL, outermostWrapper, skipOuter, type FileFacts } from '../../engine/facts.js';
import { qualifierOf } from './variable-names.js';

/** The name an assignment target binds: `x`, `config.password`, `headers['x-api-key']`. */
export function targetName(target: ts.Expression): string | undefined {
  const node = skipOuter(target);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

export const ASSIGNMENTS = new Set([SyntaxKind.EqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken]);
/** `headers.set('X-Api-Key', '…')`-style calls: the first argument names the second. */
export const NAMED_SETTERS = new Set(['set', 'append', 'setHeader', 'header', 'setRequestHeader', 'setItem']);

export const FALLBACKS = new Set([SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken]);

/** `process.env.DB_PASSWORD` / `process.env['DB_PASSWORD']` → `DB_PASSWORD`: the fallback's real name. */
export function envVariableName(expr: ts.Expression, facts: FileFacts): string | undefined {
  const node = skipOuter(expr);
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  const ref = facts.resolve(node.expression);
  if (ref?.module !== GLOBAL || ref.path.join('.') !== 'process.env') return undefined;
  return targetName(node);
}

/** `process.env.STRIPE_KEY ?? '<literal>'`: the fallback expression and the variable it falls back from. */
export interface EnvFallback {
  fallback: ts.BinaryExpression;
  name: string;
}

export function envFallbackOf(literal: ts.Node, facts: FileFacts): EnvFallback | undefined {
  const value = outermostWrapper(literal);
  const parent = value.parent;
  if (!ts.isBinaryExpression(parent) || parent.right !== value || !FALLBACKS.has(parent.operatorToken.kind)) return undefined;
  const name = envVariableName(parent.left, facts);
  return name ? { fallback: parent, name } : undefined;
}

/** `process.env.NAME = '<literal>';`: a statement that sets the variable in code. */
export function envAssignmentOf(holder: ts.Node, facts: FileFacts): { statement: ts.ExpressionStatement; name: string } | undefined {
  if (!ts.isBinaryExpression(holder) || holder.operatorToken.kind !== SyntaxKind.EqualsToken || !ts.isExpressionStatement(holder.parent)) return undefined;
  const name = envVariableName(holder.left, facts);
  return name ? { statement: holder.parent, name } : undefined;
}

/** The name a literal is bound to, and the node that binds it (where its surroundings start). */
export interface Binding {
  name: string;
  holder: ts.Node;
}

/** Through `cond ? a : b` and `x ?? y` to the expression whose value the literal may be. */
function valuePosition(literal: ts.Node): ts.Node {
  let current: ts.Node = outermostWrapper(literal);
  for (;;) {
    const parent = current.parent;
    const branch = ts.isConditionalExpression(parent) && parent.condition !== current;
    const fallback = ts.isBinaryExpression(parent) && FALLBACKS.has(parent.operatorToken.kind);
    if (!branch && !fallback) return current;
    current = outermostWrapper(parent);
  }
}

export function bindingOf(literal: ts.Node): Binding | undefined {
  const value = valuePosition(literal);
  const holder = value.parent;
  const named = (name: string | undefined): Binding | undefined => (name ? { name, holder } : undefined);
  if ((ts.isVariableDeclaration(holder) || ts.isParameter(holder) || ts.isBindingElement(holder)) && holder.initializer === value) return named(ts.isIdentifier(holder.name) ? holder.name.text : undefined);
  if ((ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && holder.initializer === value) return named(propertyName(holder.name));
  if (ts.isBinaryExpression(holder) && holder.right === value && ASSIGNMENTS.has(holder.operatorToken.kind)) return named(targetName(holder.left));
  if (ts.isJsxAttribute(holder) || (ts.isJsxExpression(holder) && ts.isJsxAttribute(holder.parent))) {
    const attribute = ts.isJsxAttribute(holder) ? holder : (holder.parent as ts.JsxAttribute);
    return ts.isIdentifier(attribute.name) ? { name: attribute.name.text, holder: attribute } : undefined;
  }
  if (ts.isCallExpression(holder) && holder.arguments[1] === value) {
    const callee = skipOuter(holder.expression);
    const key = holder.arguments[0];
    if (ts.isPropertyAccessExpression(callee) && NAMED_SETTERS.has(callee.name.text) && ts.isStringLiteralLike(key)) return named(key.text);
  }
  return undefined;
}

/** The object literal's owner: the key or variable it is the value of, or the variable a call made from it is assigned to. */
function ownerOf(object: ts.ObjectLiteralExpression): ts.PropertyAssignment | ts.VariableDeclaration | undefined {
  let current: ts.Node = outermostWrapper(object);
  if (ts.isCallExpression(current.parent) || ts.isNewExpression(current.parent)) current = outermostWrapper(current.parent);
  const parent = current.parent;
  return ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) ? parent : undefined;
}

function ownerName(owner: ts.PropertyAssignment | ts.VariableDeclaration): string | undefined {
  if (ts.isPropertyAssignment(owner)) return propertyName(owner.name);
  return ts.isIdentifier(owner.name) ? owner.name.text : undefined;
}

/**
 * What the binding's surroundings say about whose it is: the keys and variables it is nested
 * in (`sendgrid: { apiKey }`, `const ledger = axios.create({ headers })`), or the class it
 * belongs to. Names that only hold settings (`config`, `headers`) are passed over.
 */
export function qualifierFor(holder: ts.Node): string | undefined {
  let current: ts.Node | undefined = holder;
  while (current && (ts.isPropertyAssignment(current) || ts.isShorthandPropertyAssignment(current)) && ts.isObjectLiteralExpression(current.parent)) {
    const owner = ownerOf(current.parent);
    const name = owner && ownerName(owner);
    const qualifier = name && qualifierOf(name);
    if (qualifier) return qualifier;
    current = owner;
  }
  const classOf = ts.findAncestor(holder, ts.isClassLike);
  return classOf?.name ? qualifierOf(classOf.name.text) : undefined;
}
