import { SyntaxKind, ts } from '../../engine/ts.js';
import { calleeName, dottedName, iteratedCollection, lookupProperty, propertyName, stringValue } from '../../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { isSignatureHeaderName } from '../../analysis/signatures.js';
import { safeEqualFix } from './fix.js';
import { checkPython } from './python.js';
import { METADATA_WORDS, nameKind, type Kind } from './names.js';
import { isClientModule } from '../../analysis/urls.js';
import { meta } from './meta.js';
import { declaredNonText } from './declared-types.js';
import { fixedText, isCounter, isNumericComputation, isSerialisation } from './computed-values.js';
import { isPlaceholder } from '../../secrets/credentials.js';
import { configKey, readsConfigurationObject } from '../../analysis/config-reads.js';
import { RequestSources } from '../../analysis/request-sources.js';

const EQUALITY = new Set([SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);
const SIGNATURE_CALLEE_WORDS = new Set(['hmac', 'digest', 'signature', 'sig']);
const PASS_THROUGH_CALLS = new Set(['String', 'toString', 'toLowerCase', 'toUpperCase', 'trim', 'normalize', 'from', 'valueOf']);
/** Calls that make a list of a configured value, or a part of one: `API_KEYS.split(',')`, `.map((k) => k.trim())`. */
const LISTING_CALLS = new Set(['split', 'map', 'filter', 'slice']);
const MAX_DEPTH = 4;
/** Configuration is followed further: an entry of a trimmed list of a variable with a fallback is six steps from `process.env`. */
const CONFIG_DEPTH = 7;

function headerKind(header: string, extraNames: readonly string[]): Kind {
  if (isSignatureHeaderName(header)) return 'signature';
  return nameKind(header, extraNames) ?? 'source';
}

function isLiteral(node: ts.Expression): boolean {
  return ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isRegularExpressionLiteral(node)
    || node.kind === SyntaxKind.NullKeyword || node.kind === SyntaxKind.TrueKeyword || node.kind === SyntaxKind.FalseKeyword
    || (ts.isIdentifier(node) && (node.text === 'undefined' || node.text === 'NaN')) || ts.isVoidExpression(node)
    || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand));
}

/**
 * Operands that cannot leak a secret through timing: literals, `typeof`, lengths, booleans,
 * numbers the file computes, text it serialises from values that hold no secret, constants holding literals, values the file types as numbers or
 * booleans, and text built only from these (`__LINK_TOKEN_${n}__`).
 */
function isTrivial(expr: ts.Expression, facts: FileFacts, extraNames: readonly string[], isNonText: (node: ts.Expression) => boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = skipOuter(expr);
  const recurse = (inner: ts.Expression): boolean => isTrivial(inner, facts, extraNames, isNonText, depth + 1);
  if (isNonText(node)) return true;
  if (isLiteral(node) || ts.isTypeOfExpression(node) || ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) return true;
  if (ts.isPropertyAccessExpression(node) && ['length', 'byteLength', 'size'].includes(node.name.text)) return true;
  // Contract 1.4: an enum member (`DigestTypeEnum.BACKOFF`) is a fixed, public value, unless its name says it holds a secret.
  if (ts.isPropertyAccessExpression(node) && isEnumLikeMember(node) && nameKind(node.name.text, extraNames) === undefined) return true;
  if (isKindValue(node)) return true;
  if (isNumericComputation(node, facts, recurse)) return true;
  if (isSerialisation(node, facts, (inner) => ts.isIdentifier(inner) && ['signature', 'secret'].includes(operandKind(inner, facts, extraNames) ?? ''))) return true;
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => recurse(span.expression));
  if (!ts.isIdentifier(node)) return false;
  const value = facts.valueOf(node);
  if (value === undefined) return isCounter(node, facts, recurse);
  if (value === node || !(isLiteral(skipOuter(value)) || recurse(value))) return false;
  // A constant of fixed text is a hardcoded secret when its name says so and the text could be one (not `'[CLIENT_SECRET]'`).
  const text = nameKind(node.text, extraNames) ? fixedText(value, facts) : undefined;
  return text === undefined || text.length < 8 || isPlaceholder(text, { name: node.text });
}

function strongest(kinds: Kind[]): Kind {
  for (const kind of ['signature', 'secret', 'hash', 'source'] as const) if (kinds.includes(kind)) return kind;
  return undefined;
}

const SOURCE_OBJECTS = new Set(['headers', 'query', 'body', 'params', 'cookies', 'env']);

/** `req.headers.x`, `req.query.x`, `process.env.X`: a value the request or the deployment supplies. */
function readsRequestOrEnv(node: ts.PropertyAccessExpression): boolean {
  const base = skipOuter(node.expression);
  return ts.isPropertyAccessExpression(base) && SOURCE_OBJECTS.has(base.name.text);
}

/** `Type.MEMBER`: an upper-case member of a capitalised object, the shape of an enum or a constants table. */
function isEnumLikeMember(node: ts.PropertyAccessExpression): boolean {
  const base = skipOuter(node.expression);
  return ts.isIdentifier(base) && /^[A-Z]/.test(base.text) && !/[a-z]/.test(node.name.text);
}

/** Last words of a name for a type, kind or status value: public, whatever it is compared with (contract 1.4). */
const KIND_WORDS = new Set(['type', 'kind', 'status']);
const namesKind = (name: string): boolean => KIND_WORDS.has(splitWords(name).at(-1) ?? '');

/** `reflection.kind`, `event.type`, `signatureType`, or a member of `ReflectionKind` (`ReflectionKind.CallSignature`, PascalCase as TypeScript's enums are). */
function isKindValue(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return namesKind(node.text);
  if (!ts.isPropertyAccessExpression(node)) return false;
  const base = skipOuter(node.expression);
  return namesKind(node.name.text) || (ts.isIdentifier(base) && /^[A-Z]/.test(base.text) && namesKind(base.text));
}

/**
 * `const { g_csrf_token: csrfBody } = req.body`: the key it was read under names it, and a
 * binding read out of the request or the environment is a value they supply. So is a part of
 * one taken by position: `const [scheme, presented] = header.split(' ')` of an Authorization header.
 */
function destructuredKind(id: ts.Identifier, facts: FileFacts, extraNames: readonly string[], recurse: (inner: ts.Expression) => Kind): Kind {
  const element = facts.declarationName(id)?.parent;
  if (!element || !ts.isBindingElement(element)) return undefined;
  const initializer = destructuredFrom(id, facts);
  const source = initializer && skipOuter(initializer);
  if (ts.isArrayBindingPattern(element.parent)) return source && recurse(source) ? 'source' : undefined;
  const key = element.propertyName && (ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName)) ? element.propertyName.text : undefined;
  const fromKey = key === undefined ? undefined : nameKind(key, extraNames);
  if (fromKey) return fromKey;
  return source && ts.isPropertyAccessExpression(source) && SOURCE_OBJECTS.has(source.name.text) ? 'source' : undefined;
}

/**
 * A value of the application's own configuration: `process.env.X` (with a literal fallback), a
 * platform's (`useRuntimeConfig(event).x`, Hono's `c.env.X`, a Worker's `env.X`), a script's
 * command line (`process.argv`), a binding unpacked from one of these, or
 * a const or a same-file object's property built from one (`config.adminToken` of
 * `const config = { adminToken: process.env.ADMIN_TOKEN ?? '' }`). A parameter or a request
 * read is none, since the file cannot show (or shows the client) where it comes from.
 */
function fromConfiguration(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  if (depth > CONFIG_DEPTH) return false;
  const node = skipOuter(expr);
  const recurse = (inner: ts.Expression): boolean => fromConfiguration(inner, facts, depth + 1);
  if (ts.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return recurse(node.left) && (isLiteral(skipOuter(node.right)) || recurse(node.right));
  }
  if (configKey(node) !== undefined || readsCommandLine(node, facts)) return true;
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const inner = receiver ?? node.arguments[0];
    const name = calleeName(node) ?? '';
    return (PASS_THROUGH_CALLS.has(name) || (LISTING_CALLS.has(name) && receiver !== undefined)) && inner !== undefined && recurse(inner);
  }
  if (ts.isIdentifier(node)) {
    const value = facts.valueOf(node) ?? destructuredFrom(node, facts);
    if (value !== undefined && value !== node) return recurse(value);
    // An entry of a configured list: `for (const key of validKeys)`, `validKeys.some((key) => …)`.
    const binding = facts.declarationName(node)?.parent;
    const list = binding && (ts.isVariableDeclaration(binding) || ts.isParameter(binding)) ? iteratedCollection(binding) : undefined;
    return list !== undefined && recurse(list);
  }
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return false;
  if (readsConfigurationObject(node, facts)) return true;
  // `validKeys[0]`: an entry of a configured list.
  if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(skipOuter(node.argumentExpression)) && recurse(node.expression)) return true;
  const ref = facts.resolve(node);
  if (ref?.module === GLOBAL && ref.path.length === 3 && ref.path[0] === 'process' && ref.path[1] === 'env') return true;
  const value = ownValue(node, facts, depth + 1);
  return value !== undefined && recurse(value);
}

/** The value a binding of `const [first] = value` or `const { a } = value` is unpacked from. */
function destructuredFrom(id: ts.Identifier, facts: FileFacts): ts.Expression | undefined {
  const element = facts.declarationName(id)?.parent;
  const declaration = element && ts.isBindingElement(element) ? element.parent.parent : undefined;
  return declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
}

/**
 * `process.argv[2]`, `process.argv.slice(2)`: the command line a script's operator gives it, as
 * much the operator's configuration as the environment (a migration script's old key).
 */
function readsCommandLine(expr: ts.Expression, facts: FileFacts): boolean {
  let node = skipOuter(expr);
  for (;;) {
    if (ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
    else if (ts.isCallExpression(node) && ['slice', 'at'].includes(calleeName(node) ?? '') && ts.isPropertyAccessExpression(skipOuter(node.expression))) node = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
    else break;
  }
  const ref = ts.isPropertyAccessExpression(node) ? facts.resolve(node) : undefined;
  return ref?.module === GLOBAL && ref.path.length === 2 && ref.path[0] === 'process' && ref.path[1] === 'argv';
}

/**
 * What a member read of a same-file object literal holds (`config.auth.token` of
 * `const config = { auth: { token: … } }`); a name or any other expression stands for itself.
 */
function ownValue(expr: ts.Expression, facts: FileFacts, depth: number): ts.Expression | undefined {
  const node = skipOuter(expr);
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return node;
  const key = ts.isPropertyAccessExpression(node) ? node.name.text : propertyName(node.argumentExpression);
  if (depth > MAX_DEPTH || key === undefined) return undefined;
  const lookup = lookupProperty(ownValue(node.expression, facts, depth + 1), key, facts);
  return lookup.kind === 'present' ? lookup.value : undefined;
}

/**
 * The names an operand is read under, through constants and reshaping calls: `presented`,
 * `x-service-key` of `req.header('x-service-key')`, `SERVICE_KEY` of `config.get('SERVICE_KEY')`.
 */
function operandNames(expr: ts.Expression, facts: FileFacts, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  const node = skipOuter(expr);
  const recurse = (inner: ts.Expression): string[] => operandNames(inner, facts, depth + 1);
  if (ts.isIdentifier(node)) {
    const value = facts.valueOf(node);
    return [node.text, ...(value && value !== node ? recurse(value) : [])];
  }
  if (ts.isPropertyAccessExpression(node)) return [node.name.text];
  if (ts.isElementAccessExpression(node)) return [stringValue(node.argumentExpression) ?? ''];
  if (ts.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return recurse(node.left);
  if (!ts.isCallExpression(node)) return [];
  const name = calleeName(node) ?? '';
  if (['get', 'header', 'getHeader', 'cookie'].includes(name)) return [stringValue(node.arguments[0]) ?? ''];
  const callee = skipOuter(node.expression);
  const inner = PASS_THROUGH_CALLS.has(name) && ts.isPropertyAccessExpression(callee) && !(ts.isIdentifier(callee.expression) && callee.expression.text === 'Buffer') ? callee.expression : node.arguments[0];
  return PASS_THROUGH_CALLS.has(name) && inner ? recurse(inner) : [];
}

/** Words before a final `key` that name a lookup or a public value, not a credential: `partitionKey`, `idempotency-key`, `PUBLIC_KEY`. */
const PUBLIC_KEY_QUALIFIERS = new Set(['public', 'pub', 'idempotency', 'partition', 'sort', 'range', 'cache', 'routing', 'primary', 'foreign', 'object', 'lookup', 'map', 'dedup', 'deduplication', 'storage', 'message', 'feature', 'translation', 'i18n', 'locale', 'group', 'row']);

/** `SERVICE_KEY`, `x-service-key`: a name for a key, issued to a client as a credential. */
function namesKey(name: string): boolean {
  const words = splitWords(name);
  return words.at(-1) === 'key' && !PUBLIC_KEY_QUALIFIERS.has(words.at(-2) ?? '');
}

/** The call a method chain starts from: `createHmac(...)` for `createHmac(...).update(b).digest()`. */
function chainStart(call: ts.CallExpression): ts.CallExpression {
  let current = call;
  for (;;) {
    const callee = skipOuter(current.expression);
    const inner = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
    if (!inner || !ts.isCallExpression(inner)) return current;
    current = inner;
  }
}

/** The kind of an operand, from its name, the header it reads, or the value it was built from. */
function operandKind(expr: ts.Expression, facts: FileFacts, extraNames: readonly string[], depth = 0): Kind {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipOuter(ts.isAwaitExpression(skipOuter(expr)) ? (skipOuter(expr) as ts.AwaitExpression).expression : expr);
  const recurse = (inner: ts.Expression): Kind => operandKind(inner, facts, extraNames, depth + 1);
  if (ts.isIdentifier(node)) {
    const own = nameKind(node.text, extraNames) ?? destructuredKind(node, facts, extraNames, recurse);
    const value = facts.valueOf(node);
    const built = value && value !== node ? recurse(value) : undefined;
    // `const digest = crypto.createHash('sha1')...digest()`: a plain hash, whatever the name says.
    if (own === 'signature' && built === 'hash') return 'hash';
    return own ?? built ?? (isTextParameter(node, facts) ? 'source' : undefined);
  }
  if (ts.isPropertyAccessExpression(node)) {
    // `SigningStatus.SIGNED`, `FieldType.SIGNATURE`: an enum member naming a kind, not a signature value.
    if (isEnumLikeMember(node) && nameKind(node.name.text, extraNames) === 'signature') return undefined;
    const own = nameKind(node.name.text, extraNames);
    if (own) return own;
    return readsRequestOrEnv(node) ? 'source' : undefined;
  }
  if (ts.isElementAccessExpression(node)) {
    const key = stringValue(node.argumentExpression);
    if (key === undefined) return recurse(node.expression);
    const base = dottedName(node.expression) ?? '';
    return /(headers|query|body|params|cookies|env)$/.test(base) ? headerKind(key, extraNames) : nameKind(key, extraNames);
  }
  if (ts.isTemplateExpression(node)) return strongest(node.templateSpans.map((span) => recurse(span.expression)));
  if (ts.isBinaryExpression(node) && [SyntaxKind.PlusToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return strongest([recurse(node.left), recurse(node.right)]);
  }
  if (ts.isConditionalExpression(node)) return strongest([recurse(node.whenTrue), recurse(node.whenFalse)]);
  if (ts.isCallExpression(node)) return callKind(node, facts, extraNames, depth);
  return undefined;
}

/**
 * A text parameter (untyped, or typed with a string) of a function the application names and
 * calls itself: its callers pass it in, so the file cannot show it is not the user's (contract
 * 1.4), whatever its name. An inline callback's parameters are what a library or a test stub
 * hands it (array elements, lookup keys), not a value passed in.
 */
function isTextParameter(id: ts.Identifier, facts: FileFacts): boolean {
  const name = facts.declarationName(id);
  const parameter = name?.parent;
  if (!parameter || !ts.isParameter(parameter) || parameter.name !== name || !isNamedFunction(parameter.parent)) return false;
  return !parameter.type || /\b(string|String|Buffer|any|unknown)\b/.test(parameter.type.getText());
}

function isNamedFunction(fn: ts.Node): boolean {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return true;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let holder = fn.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  return ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder);
}

function callKind(call: ts.CallExpression, facts: FileFacts, extraNames: readonly string[], depth: number): Kind {
  const name = calleeName(call) ?? '';
  const callee = skipOuter(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  const recurse = (inner: ts.Expression): Kind => operandKind(inner, facts, extraNames, depth + 1);
  if (['get', 'header', 'getHeader', 'cookie'].includes(name)) {
    const header = stringValue(call.arguments[0]);
    return header === undefined ? undefined : headerKind(header, extraNames);
  }
  if (PASS_THROUGH_CALLS.has(name)) {
    const onValue = receiver !== undefined && !(ts.isIdentifier(receiver) && receiver.text === 'Buffer');
    const inner = onValue ? receiver : call.arguments[0];
    return inner ? recurse(inner) : undefined;
  }
  if (['slice', 'substring', 'substr', 'replace', 'split', 'at'].includes(name) && receiver) return recurse(receiver);
  // Node's one-shot `crypto.hash('sha1', data)`.
  if (name === 'hash' && /^(sha|md)/i.test(stringValue(call.arguments[0]) ?? '')) return 'hash';
  if (name === 'digest') {
    // A plain hash (a checksum) is only weak evidence; an HMAC digest is a signature.
    return calleeName(chainStart(call)) === 'createHash' ? 'hash' : 'signature';
  }
  const words = splitWords(name);
  const last = words[words.length - 1] ?? '';
  // `getDigestType(...)`, `signatureLength(...)`: what the call returns is metadata about a signature.
  if (METADATA_WORDS.has(last)) return undefined;
  if (words.some((word) => SIGNATURE_CALLEE_WORDS.has(word)) || last === 'sign') return 'signature';
  return undefined;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Whether a pair of operand kinds compares a secret with something an attacker controls or
 * knows. A secret against an unknown value counts only for an equality test that exists for
 * nothing else (`equalityOnly`): `token === cached` may be a cache check, but nobody sorts an
 * API key with `.localeCompare` and tests the result against 0 except to match it.
 */
function isSecretComparison(left: Kind, right: Kind, equalityOnly = false): boolean {
  if (left === 'signature' || right === 'signature') return true;
  if (left === 'secret' || right === 'secret') return equalityOnly || (left !== undefined && right !== undefined);
  return false;
}

function isZeroLiteral(expr: ts.Expression): boolean {
  const node = skipOuter(expr);
  return ts.isNumericLiteral(node) && Number(node.text) === 0;
}

/** `a.localeCompare(b) === 0`, `!== 0`, `!a.localeCompare(b)`: the sort order used as an equality test. */
function isComparedWithZero(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === SyntaxKind.ExclamationToken;
  if (!ts.isBinaryExpression(parent) || !EQUALITY.has(parent.operatorToken.kind)) return false;
  return isZeroLiteral(parent.left === node ? parent.right : parent.left);
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    // Browser code: nobody can time a comparison made on the user's own machine.
    if (isClientModule(ctx.file.sourceFile)) return { on: {} };
    const extraNames = ctx.options.credentialNames;
    const isNonText = declaredNonText(ctx.file);
    const requests = new RequestSources(ctx.file);
    /**
     * The key a client presents, read from the request, against the key the application is
     * configured with: an authentication check whatever the key is called (`x-service-key`
     * against `SERVICE_KEY`), though `key` alone names no credential elsewhere.
     */
    const presentsConfiguredKey = (configured: ts.Expression, presented: ts.Expression): boolean =>
      fromConfiguration(configured, facts) && !fromConfiguration(presented, facts) && requests.fromRequest(presented)
      && [configured, presented].some((side) => operandNames(side, facts).some(namesKey));
    const judge = (node: ts.BinaryExpression | ts.CallExpression, left: ts.Expression, right: ts.Expression, operator: string, equalityOnly = false): void => {
      if (isTrivial(left, facts, extraNames, isNonText) || isTrivial(right, facts, extraNames, isNonText)) return;
      // Both sides from the application's own configuration: a start-up consistency check, no attacker input (contract 1.4).
      if (fromConfiguration(left, facts) && fromConfiguration(right, facts)) return;
      let leftKind = operandKind(left, facts, extraNames);
      let rightKind = operandKind(right, facts, extraNames);
      if (!isSecretComparison(leftKind, rightKind, equalityOnly)) {
        if (presentsConfiguredKey(left, right)) leftKind = 'secret';
        else if (presentsConfiguredKey(right, left)) rightKind = 'secret';
        else return;
      }
      const signature = leftKind === 'signature' || rightKind === 'signature';
      const subject = leftKind === 'signature' || (leftKind === 'secret' && !signature) ? left : right;
      // A `localeCompare` not tested against 0 is no equality test to rewrite.
      const fixable = ts.isBinaryExpression(node) || equalityOnly;
      ctx.report({ node, messageId: signature ? 'signature' : 'secret', data: { operand: shortText(subject), operator }, fix: fixable ? safeEqualFix(node, ctx.file.sourceFile) : undefined });
    };
    return {
      on: {
        [SyntaxKind.BinaryExpression]: (node) => {
          const binary = node as ts.BinaryExpression;
          if (!EQUALITY.has(binary.operatorToken.kind)) return;
          judge(binary, binary.left, binary.right, binary.operatorToken.getText());
        },
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const callee = skipOuter(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'localeCompare' || call.arguments.length === 0) return;
          judge(call, callee.expression, call.arguments[0], '.localeCompare', isComparedWithZero(call));
        },
      },
    };
  },
});
