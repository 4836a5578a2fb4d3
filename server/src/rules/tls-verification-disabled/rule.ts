import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, forEachDescendant, propertyName, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { parsedJsonValues } from '../../secrets/parsers/json.js';
import type { NamedValue } from '../../secrets/named-value.js';
import { defineRule, type TextContext } from '../../engine/rule.js';
import { classifyHttpCall } from '../../analysis/http-clients.js';
import { removeConfigSetting, removeOverride } from './fix.js';
import { isCertificateProbe } from './probe.js';
import { isAssertedValue } from '../../analysis/test-files.js';
import { checkPython } from './python.js';
import { ENV_NAME, meta, type MESSAGES } from './meta.js';

type MessageId = keyof typeof MESSAGES;
type Reporter = (node: ts.Node, messageId: MessageId) => void;

/** The boolean a value is, when the file shows it (`false`, a const bound to `false`). */
function booleanValue(expr: ts.Expression | undefined, facts: FileFacts): boolean | undefined {
  if (!expr) return undefined;
  const value = facts.valueOf(expr);
  if (!value) return undefined;
  if (value.kind === SyntaxKind.FalseKeyword) return false;
  if (value.kind === SyntaxKind.TrueKeyword) return true;
  return undefined;
}

/** `'0'`, `"0"` or `0`: the values Node reads as "do not verify". */
function resolvesToZero(expr: ts.Expression, facts: FileFacts): boolean {
  const value = facts.valueOf(expr);
  if (!value) return false;
  if (ts.isNumericLiteral(value)) return Number(value.text) === 0;
  return stringValue(value) === '0';
}

/** A function whose every path returns nothing (or null/undefined): it never reports a mismatch. */
function acceptsEverything(expr: ts.Node): boolean {
  if (!ts.isArrowFunction(expr) && !ts.isFunctionExpression(expr) && !ts.isMethodDeclaration(expr)) return false;
  const body = expr.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isNothing(body);
  return body.statements.every((statement) => ts.isReturnStatement(statement) && (!statement.expression || isNothing(statement.expression)));
}

function isNothing(expr: ts.Expression): boolean {
  const node = skipOuter(expr);
  if (node.kind === SyntaxKind.NullKeyword || node.kind === SyntaxKind.UndefinedKeyword) return true;
  if (ts.isIdentifier(node) && node.text === 'undefined') return true;
  return ts.isVoidExpression(node) && ts.isLiteralExpression(skipOuter(node.expression));
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED` or `process.env['NODE_TLS_REJECT_UNAUTHORIZED']`. */
function isTlsEnvTarget(expr: ts.Expression): boolean {
  const node = skipOuter(expr);
  let env: ts.Expression;
  if (ts.isPropertyAccessExpression(node) && node.name.text === ENV_NAME) env = node.expression;
  else if (ts.isElementAccessExpression(node) && stringValue(node.argumentExpression) === ENV_NAME) env = node.expression;
  else return false;
  return dottedName(env) === 'process.env';
}

/** The call an options object is an argument of, directly or nested in another options object. */
function owningCall(obj: ts.ObjectLiteralExpression, facts: FileFacts): ts.CallExpression | ts.NewExpression | undefined {
  let node: ts.Node = obj;
  for (;;) {
    const parent = node.parent;
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
      node = parent.parent;
    } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
      return parent;
    } else if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
      return callReceiving(parent.name, facts);
    } else {
      return undefined;
    }
  }
}

/** The first call in the file that is given this const by name. */
function callReceiving(name: ts.Identifier, facts: FileFacts): ts.CallExpression | ts.NewExpression | undefined {
  let found: ts.CallExpression | ts.NewExpression | undefined;
  forEachDescendant(name.getSourceFile(), (node) => {
    if (found) return false;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const arg of node.arguments) {
        if (ts.isIdentifier(arg) && facts.declarationName(arg) === name) found = node;
      }
    }
    return undefined;
  });
  return found;
}

/** `insecure: true` only means "skip TLS checks" in the options of an HTTP client. */
function isHttpClientOptions(obj: ts.ObjectLiteralExpression, facts: FileFacts): boolean {
  const call = owningCall(obj, facts);
  if (!call) return false;
  if (ts.isCallExpression(call) && classifyHttpCall(call, facts)) return true;
  const name = calleeName(call) ?? '';
  return /client|http|request|fetch|agent|api/i.test(name);
}

/**
 * A probe may accept an invalid certificate in order to look at it; an accept-all
 * `checkServerIdentity` is still reported there, since it falsifies the verdict it reads.
 */
function opensProbe(prop: ts.PropertyAssignment, facts: FileFacts): boolean {
  const call = ts.isObjectLiteralExpression(prop.parent) ? owningCall(prop.parent, facts) : undefined;
  return !!call && isCertificateProbe(call, facts);
}

function checkProperty(node: ts.Node, facts: FileFacts, report: Reporter): void {
  const prop = node as ts.PropertyAssignment | ts.MethodDeclaration;
  const name = propertyName(prop.name);
  if (!name) return;
  if (ts.isMethodDeclaration(prop)) {
    if (name === 'checkServerIdentity' && ts.isObjectLiteralExpression(prop.parent) && acceptsEverything(prop)) report(prop, 'checkServerIdentity');
    return;
  }
  const value = prop.initializer;
  if (isAssertedValue(prop)) return;
  if (name === 'rejectUnauthorized' && booleanValue(value, facts) === false) {
    if (!opensProbe(prop, facts)) report(prop, 'rejectUnauthorized');
  } else if ((name === 'strictSSL' || name === 'strict-ssl' || name === 'strict_ssl') && booleanValue(value, facts) === false) report(prop, 'strictSsl');
  else if (name === 'insecure' && booleanValue(value, facts) === true && ts.isObjectLiteralExpression(prop.parent) && isHttpClientOptions(prop.parent, facts)) report(prop, 'insecure');
  else if (name === 'checkServerIdentity' && acceptsEverything(skipOuter(value))) report(prop, 'checkServerIdentity');
  else if (name === ENV_NAME && resolvesToZero(value, facts)) report(prop, 'environment');
}

/** `x.rejectUnauthorized = false`, `agent.options.checkServerIdentity = () => undefined`, the env variable. */
function checkAssignment(node: ts.Node, facts: FileFacts, report: Reporter): void {
  const assignment = node as ts.BinaryExpression;
  if (assignment.operatorToken.kind !== SyntaxKind.EqualsToken) return;
  const target = skipOuter(assignment.left);
  if (isTlsEnvTarget(target)) {
    if (resolvesToZero(assignment.right, facts)) report(assignment, 'environment');
    return;
  }
  if (!ts.isPropertyAccessExpression(target)) return;
  const name = target.name.text;
  if (name === 'rejectUnauthorized' && booleanValue(assignment.right, facts) === false) report(assignment, 'rejectUnauthorized');
  else if (name === 'strictSSL' && booleanValue(assignment.right, facts) === false) report(assignment, 'strictSsl');
  else if (name === 'checkServerIdentity' && acceptsEverything(skipOuter(assignment.right))) report(assignment, 'checkServerIdentity');
}

// Config files: a key set to the value that turns verification off.
/** `property`: a key and its value, which a JSON string value only quotes as text (a code sample); an environment variable in a string is a command's (`"dev": "NODE_TLS_REJECT_UNAUTHORIZED=0 …"`). */
const TEXT_PATTERNS: Array<{ pattern: RegExp; messageId: MessageId; property?: true }> = [
  { pattern: /(?:^|[\s{,"'])["']?rejectUnauthorized["']?\s*[:=]\s*["']?false\b/g, messageId: 'rejectUnauthorized', property: true },
  { pattern: /(?:^|[\s{,"'])["']?strict[-_]?ssl["']?\s*[:=]\s*["']?false\b/gi, messageId: 'strictSsl', property: true },
  { pattern: /(?:^|[^A-Za-z0-9_])NODE_TLS_REJECT_UNAUTHORIZED["']?(?:\s*[:=]\s*|\s+)["']?0(?![0-9.])/g, messageId: 'environment' },
  { pattern: /(?:^|[^A-Za-z0-9_])PYTHONHTTPSVERIFY["']?(?:\s*[:=]\s*|\s+)["']?0(?![0-9.])/g, messageId: 'pyEnvironment' },
  { pattern: /(?:^|[\s{,"'])["']?(?:insecure[-_]?skip[-_]?(?:tls[-_]?)?verify)["']?\s*[:=]\s*["']?true\b/gi, messageId: 'skipVerify', property: true },
];

const COMMENT_LINE = /^\s*(#|\/\/|;)/;

function checkConfigText(context: TextContext): void {
  if (context.kind === 'other' || context.kind === 'python') return;
  const { text } = context;
  // A JSON file's string values are text (a code sample in generated docs), not settings: read once, when a line matches.
  let jsonStrings: NamedValue[] | undefined;
  const inJsonString = (at: number): boolean => context.kind === 'json' && (jsonStrings ??= parsedJsonValues(text) ?? []).some((value) => value.start <= at && at < value.end);
  let offset = 0;
  for (const line of text.split('\n')) {
    if (!COMMENT_LINE.test(line)) {
      for (const { pattern, messageId, property } of TEXT_PATTERNS) {
        pattern.lastIndex = 0;
        const match = pattern.exec(line);
        if (match) {
          const start = offset + match.index + (match[0].length - match[0].trimStart().length);
          // The name's first letter: a quote before it may open the string value that holds it.
          if (property && inJsonString(offset + match.index + match[0].search(/[A-Za-z]/))) continue;
          const span = { start, end: offset + match.index + match[0].length };
          context.report({ span, messageId, fix: () => removeConfigSetting(context.path, text, context.kind, span) });
        }
      }
    }
    offset += line.length + 1;
  }
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(context) {
    const { facts } = context.file;
    const { sourceFile } = context.file;
    const report: Reporter = (node, messageId) => context.report({ node, messageId, fix: () => removeOverride(node, sourceFile) });
    return {
      on: {
        [SyntaxKind.PropertyAssignment]: (node) => checkProperty(node, facts, report),
        [SyntaxKind.MethodDeclaration]: (node) => checkProperty(node, facts, report),
        [SyntaxKind.BinaryExpression]: (node) => checkAssignment(node, facts, report),
      },
    };
  },
  checkText: checkConfigText,
});
