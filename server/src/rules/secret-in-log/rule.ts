import { SyntaxKind, ts } from '../../engine/ts.js';
import { contains, dottedName, propertyName, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import type { Edit, Fixer, FixFunction } from '../../engine/types.js';
import { isCredentialName, splitWords } from '../../secrets/words.js';
import { isLogCall, logCallName } from '../../analysis/logging.js';
import { leakFix, siteNode, type LeakSite } from './fix.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';
import { CREDENTIAL_HEADERS } from '../../models/credential-headers.js';

/** Last words that name a secret besides contract 1.1's credential words: the credential headers' (the Python check reads the same row). */
const SECRET_LAST_WORDS = new Set(CREDENTIAL_HEADERS.lastWords);
/** Words in a name that say the value was already made safe. */
const SAFE_WORDS = new Set(['masked', 'redacted', 'hashed', 'sanitized', 'obfuscated', 'truncated', 'safe', 'has', 'is']);
/** Words that make a token a pagination or bookkeeping handle (`nextPageToken`, `syncToken`), not a credential. */
const HANDLE_WORDS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'cancel', 'cancellation', 'sync', 'resume']);
/** Receivers whose `headers` are a response's or a message's, not an incoming request's. */
const NOT_REQUEST_WORDS = new Set(['res', 'resp', 'response', 'msg', 'message', 'record', 'job', 'mail', 'email']);
/**
 * The only words a headers name may have before `headers` to be taken for an incoming
 * request's (`headers`, `reqHeaders`, `requestHeaders`, Node's `rawHeaders`, the client's headers
 * passed on as `forwardedHeaders` or `propagatedHeaders`) when the file
 * cannot show its value: `failHeaders`, `upstreamHeaders`, `responseHeaders` are other ones.
 */
const REQUEST_HEADER_WORDS = new Set(['req', 'request', 'incoming', 'inbound', 'raw', 'client', 'original', 'forwarded', 'propagated']);
/** A JWT's headers (`decodedJwt.headers`) are its JOSE header (`alg`, `typ`, `kid`), not a request's. */
const TOKEN_WORDS = new Set(['jwt', 'jose', 'jws', 'jwe']);
/** Words in a receiver's name that make its members descriptors (`EnvVarNames.MSI_SECRET`, `AuthMethodType.PASSWORD`). */
const DESCRIPTOR_WORDS = new Set(['names', 'name', 'type', 'types', 'kind', 'kinds', 'enum', 'fields', 'field', 'labels', 'label']);
/** Functions that hand their argument through (its secret is still in the output). */
const PASS_THROUGH = new Set(['JSON.stringify', 'String', 'util.inspect', 'util.format', 'inspect', 'format', 'Buffer.from', 'btoa', 'Object.entries', 'Object.fromEntries', 'Object.assign']);
const PASS_THROUGH_METHODS = new Set(['toString', 'trim', 'toUpperCase', 'toLowerCase', 'concat']);
/** A word of a function's name that says it reduces or hides a value (`redactToken`, `sha256`, `slice`). */
const REDUCING_WORD = /^(redact|mask|saniti[sz]|hash|digest|sha|md$|fingerprint|obfuscat|truncat|scrub|censor|hide|boolean$|number$|count$|slice$|substr|last$)/;
/** Header getters: `req.get('authorization')`, `headers.get('cookie')`, `req.header('x-api-key')`. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

const SUBSTRING_METHODS = new Set(['slice', 'substring', 'substr']);
/** Longest prefix that counts as a display mask (contract 1.4: `slice(0, n)` or `substring(0, n)` with a literal n of 8 or less). */
const SHORT_PREFIX = 8;

function literalNumber(node: ts.Expression | undefined): number | undefined {
  return node && ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

/**
 * `header.slice(7)`, `auth.substring('Bearer '.length)`, `token.slice(0, 20)`: a cut that drops a
 * prefix or keeps a long one still writes the secret; only a short literal prefix (`slice(0, 4)`)
 * or a tail counted from the end (`slice(-4)`) reduces it.
 */
function keepsSecret(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !SUBSTRING_METHODS.has(callee.name.text)) return false;
  const [start, end] = call.arguments.map(skipOuter);
  if (!end) return !(start && ts.isPrefixUnaryExpression(start) && start.operator === SyntaxKind.MinusToken);
  const shown = literalNumber(end);
  return literalNumber(start) !== 0 || shown === undefined || shown > SHORT_PREFIX;
}

function isReducingCall(call: ts.CallExpression): boolean {
  if (keepsSecret(call)) return false;
  const callee = skipOuter(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return splitWords(name).some((word) => REDUCING_WORD.test(word));
}

/** What a log argument exposes: the text a message names and, when the call's own syntax shows it, where a fix can stop it. */
export interface Exposure {
  text: string;
  site?: LeakSite;
}

function exposure(text: string, site?: LeakSite): Exposure {
  return { text, site };
}

class SecretFinder {
  constructor(private readonly facts: FileFacts, private readonly extraNames: readonly string[]) {}

  isSecretName(name: string): boolean {
    const words = splitWords(name);
    if (words.some((word) => SAFE_WORDS.has(word))) return false;
    if (words[words.length - 1] === 'token' && words.some((word) => HANDLE_WORDS.has(word))) return false;
    return isCredentialName(name, this.extraNames) || SECRET_LAST_WORDS.has(words[words.length - 1] ?? '');
  }

  private isHeadersName(name: string): boolean {
    const words = splitWords(name);
    return words[words.length - 1] === 'headers' && words.slice(0, -1).every((word) => REQUEST_HEADER_WORDS.has(word));
  }

  /** `req.headers`, `ctx.request.headers`, `config.headers` — not `res.headers` or `msg.headers`. */
  private isRequestHeaders(access: ts.PropertyAccessExpression): boolean {
    if (!this.isHeadersName(access.name.text)) return false;
    const receiver = skipOuter(access.expression);
    const receiverName = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : '';
    const receiverWords = splitWords(receiverName);
    return !receiverWords.some((word) => NOT_REQUEST_WORDS.has(word)) && !TOKEN_WORDS.has(receiverWords[receiverWords.length - 1] ?? '');
  }

  /** A receiver that lists names or kinds rather than holding values: its members are labels. */
  private isDescriptor(receiver: ts.Expression): boolean {
    const node = skipOuter(receiver);
    const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '';
    return splitWords(name).some((word) => DESCRIPTOR_WORDS.has(word));
  }

  /** A value that is a reduced form of a secret: a boolean, a count, a masked or hashed copy. */
  private isReduced(value: ts.Expression): boolean {
    const node = skipOuter(value);
    if (node.kind === SyntaxKind.TrueKeyword || node.kind === SyntaxKind.FalseKeyword || node.kind === SyntaxKind.NullKeyword) return true;
    if (ts.isNumericLiteral(node) || ts.isPrefixUnaryExpression(node) || ts.isTypeOfExpression(node)) return true;
    if (ts.isBinaryExpression(node)) return !this.isValueOperator(node.operatorToken.kind);
    if (ts.isPropertyAccessExpression(node)) return node.name.text === 'length';
    if (ts.isConditionalExpression(node)) return this.isReducedBranch(node);
    if (ts.isAwaitExpression(node)) return this.isReduced(node.expression);
    if (ts.isCallExpression(node)) return isReducingCall(node);
    return false;
  }

  /** `x ? 'set' : 'missing'`: both branches are fixed labels or reduced values. */
  private isReducedBranch(node: ts.ConditionalExpression): boolean {
    const fixed = (branch: ts.Expression): boolean => stringValue(branch) !== undefined || this.isReduced(branch);
    return fixed(node.whenTrue) && fixed(node.whenFalse);
  }

  private isValueOperator(kind: ts.SyntaxKind): boolean {
    return kind === SyntaxKind.PlusToken || kind === SyntaxKind.QuestionQuestionToken || kind === SyntaxKind.BarBarToken || kind === SyntaxKind.AmpersandAmpersandToken || kind === SyntaxKind.CommaToken;
  }

  /** A name bound to something the file shows as reduced (`const hasToken = !!token`). */
  private boundToReduced(id: ts.Identifier): boolean {
    const value = this.facts.valueOf(id);
    return value !== undefined && value !== id && this.isReduced(value);
  }

  /**
   * What secret an expression writes into the log, or undefined. `depth` bounds the walk
   * through const bindings and nested objects.
   */
  exposed(expr: ts.Expression, depth = 0): Exposure | undefined {
    if (depth > 5) return undefined;
    const node = skipOuter(expr);
    if (ts.isIdentifier(node)) return this.exposedIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node)) {
      if (this.isRequestHeaders(node)) return exposure(dottedName(node) ?? node.name.text, { kind: 'headers', node });
      return this.isSecretName(node.name.text) && !this.isDescriptor(node.expression) ? exposure(dottedName(node) ?? node.name.text, { kind: 'value', node }) : undefined;
    }
    if (ts.isElementAccessExpression(node)) {
      const key = stringValue(node.argumentExpression);
      return key !== undefined && this.isSecretName(key) ? exposure(`${dottedName(node.expression) ?? '…'}['${key}']`, { kind: 'value', node }) : undefined;
    }
    if (ts.isTemplateExpression(node)) return this.first(node.templateSpans.map((span) => span.expression), depth);
    if (ts.isBinaryExpression(node)) return this.isValueOperator(node.operatorToken.kind) ? this.exposedInBinary(node, depth) : undefined;
    if (ts.isConditionalExpression(node)) return this.first([node.whenTrue, node.whenFalse], depth);
    if (ts.isAwaitExpression(node)) return this.exposed(node.expression, depth);
    if (ts.isObjectLiteralExpression(node)) return this.exposedInObject(node, depth);
    if (ts.isArrayLiteralExpression(node)) return this.first(node.elements.map((element) => (ts.isSpreadElement(element) ? element.expression : element)), depth);
    if (ts.isSpreadElement(node)) return this.exposed(node.expression, depth);
    if (ts.isCallExpression(node)) return this.exposedByCall(node, depth);
    return undefined;
  }

  /**
   * `token ?? 'none'`: a fallback is masked with its value, not the operand alone. `a && b` is
   * `b` or a falsy `a`, so only `b` is written (`headers && headers['user-agent']`).
   */
  private exposedInBinary(node: ts.BinaryExpression, depth: number): Exposure | undefined {
    const found = this.first(valueOperands(node), depth);
    const fallback = node.operatorToken.kind === SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === SyntaxKind.BarBarToken;
    const operand = found?.site?.kind === 'value' && [skipOuter(node.left), skipOuter(node.right)].includes(found.site.node);
    return found && fallback && operand ? exposure(found.text, { kind: 'value', node }) : found;
  }

  private first(exprs: readonly ts.Expression[], depth: number): Exposure | undefined {
    for (const expr of exprs) {
      const found = this.exposed(expr, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private exposedIdentifier(id: ts.Identifier, depth: number): Exposure | undefined {
    if (this.isSecretName(id.text)) return this.boundToReduced(id) ? undefined : exposure(id.text, { kind: 'value', node: id });
    const value = this.facts.valueOf(id);
    if (value && value !== id) {
      const found = this.exposed(value, depth + 1);
      // The binding's value is outside the call: only a whole headers object can be redacted through its name.
      return found && exposure(found.text, found.site?.kind === 'headers' && found.site.node === skipOuter(value) ? { kind: 'headers', node: id } : undefined);
    }
    // A `headers` parameter or variable the file cannot show is a request's headers object.
    return this.isHeadersName(id.text) && value === undefined ? exposure(id.text, { kind: 'headers', node: id }) : undefined;
  }

  private exposedInObject(obj: ts.ObjectLiteralExpression, depth: number): Exposure | undefined {
    for (const prop of obj.properties) {
      let found: Exposure | undefined;
      if (ts.isShorthandPropertyAssignment(prop)) found = this.exposedShorthand(prop, depth);
      else if (ts.isSpreadAssignment(prop)) found = this.exposed(prop.expression, depth + 1);
      else if (ts.isPropertyAssignment(prop)) found = this.exposedProperty(prop, depth);
      if (found) return found;
    }
    return undefined;
  }

  /** `{ token }` is a field holding the secret; `{ headers }` a headers object under its own name. */
  private exposedShorthand(prop: ts.ShorthandPropertyAssignment, depth: number): Exposure | undefined {
    const found = this.exposedIdentifier(prop.name, depth);
    if (!found?.site || siteNode(found.site) !== prop.name) return found;
    return exposure(found.text, found.site.kind === 'value' ? { kind: 'field', property: prop } : { kind: 'headers', node: prop });
  }

  /** `{ token: value }` writes a secret whenever the value carries one through; other keys are looked into. */
  private exposedProperty(prop: ts.PropertyAssignment, depth: number): Exposure | undefined {
    const key = propertyName(prop.name);
    if (key !== undefined && this.isSecretName(key) && this.carriesValue(prop.initializer)) return exposure(key, { kind: 'field', property: prop });
    const found = this.exposed(prop.initializer, depth + 1);
    // `{ cookie: ctx.get('cookie') }`: a field whose whole value is the secret goes, like `{ token }`.
    const wholeValue = found?.site?.kind === 'value' && found.site.node === skipOuter(prop.initializer);
    return found && wholeValue ? exposure(found.text, { kind: 'field', property: prop }) : found;
  }

  /** Whether an expression hands some runtime value through (not a literal, a flag or a masked copy). */
  private carriesValue(expr: ts.Expression): boolean {
    const node = skipOuter(expr);
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return false;
      const words = splitWords(node.text);
      return !words.some((word) => SAFE_WORDS.has(word)) && !this.boundToReduced(node);
    }
    if (ts.isPropertyAccessExpression(node)) return node.name.text !== 'length';
    if (ts.isElementAccessExpression(node)) return true;
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => this.carriesValue(span.expression));
    if (ts.isBinaryExpression(node)) return this.isValueOperator(node.operatorToken.kind) && valueOperands(node).some((operand) => this.carriesValue(operand));
    if (ts.isConditionalExpression(node)) return this.carriesValue(node.whenTrue) || this.carriesValue(node.whenFalse);
    if (ts.isAwaitExpression(node)) return this.carriesValue(node.expression);
    if (ts.isCallExpression(node)) return this.passedThrough(node).some((arg) => this.carriesValue(arg));
    return false;
  }

  /** The arguments whose value a call returns unchanged in substance (`JSON.stringify(x)`, `x.toString()`). */
  private passedThrough(call: ts.CallExpression): ts.Expression[] {
    const name = dottedName(call.expression);
    if (name && PASS_THROUGH.has(name)) return [...call.arguments];
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(callee.name.text)) return [callee.expression, ...call.arguments];
    if (ts.isPropertyAccessExpression(callee) && keepsSecret(call)) return [callee.expression];
    return [];
  }

  private exposedByCall(call: ts.CallExpression, depth: number): Exposure | undefined {
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee) && HEADER_GETTERS.has(callee.name.text)) {
      const header = stringValue(call.arguments[0]);
      if (header !== undefined && this.isSecretName(header)) return exposure(`${dottedName(callee) ?? callee.name.text}('${header}')`, { kind: 'value', node: call });
    }
    return this.first(this.passedThrough(call), depth);
  }
}

/** The edits of several fix functions as one fix; none when any of them has none. */
function allEdits(fixes: readonly FixFunction[], fixer: Fixer): Edit[] | null {
  const edits: Edit[] = [];
  for (const fix of fixes) {
    const made = fix(fixer);
    if (!made) return null;
    edits.push(...(Array.isArray(made) ? made : [made as Edit]));
  }
  return edits;
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(context) {
    const { facts } = context.file;
    const finder = new SecretFinder(facts, context.options.credentialNames);
    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          if (!isLogCall(call, facts)) return;
          const exposures = call.arguments.map((arg) => finder.exposed(arg)).filter((found): found is Exposure => found !== undefined);
          if (exposures.length === 0) return;
          // One finding per call; its fix masks every secret the call logs, or none (a half-fixed call still leaks).
          const fixes = exposures.map(({ site, text }) => (site && contains(call, siteNode(site)) ? leakFix(site, text, context.file.sourceFile) : undefined));
          const [found] = exposures;
          context.report({
            node: call,
            messageId: /headers$/i.test(found.text) ? 'headers' : 'secret',
            data: { call: logCallName(call), secret: found.text },
            fix: fixes.every((fix) => fix !== undefined) ? (fixer) => allEdits(fixes as FixFunction[], fixer) : undefined,
          });
        },
      },
    };
  },
});

/** The operands whose value a value operator can yield: `a && b` yields `b` or a falsy `a`, which carries nothing. */
function valueOperands(node: ts.BinaryExpression): ts.Expression[] {
  return node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken ? [node.right] : [node.left, node.right];
}
