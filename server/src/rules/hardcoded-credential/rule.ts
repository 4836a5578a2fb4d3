import { SyntaxKind, ts } from '../../engine/ts.js';
import { getProperty, propertyName } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { tick } from '../../engine/deadline.js';
import { defineRule, type OptionsOf, type RuleContext, type TextContext } from '../../engine/rule.js';
import { isCredentialName, splitWords } from '../../secrets/words.js';
import { namedValues, yamlBlockScalars, type NamedValue } from '../../secrets/credential-text.js';
import type { TextKind } from '../../engine/files.js';
import type { MessageData, Report } from '../../engine/types.js';
import {
  authorizationCredential, basicCredential, findSecrets, isCredentialValue, isPlaceholder, isReference, maskSecret, overlaps, tokenPreview, type SecretMatch,
} from '../../secrets/credentials.js';
import { looksRandom } from '../../secrets/randomness.js';
import { isTestPath } from '../../analysis/test-paths.js';
import { isLocaleCatalogue, isTranslationFile } from './translation-files.js';
import { SECRET_SINKS, type SecretSink } from '../../models/secret-sinks.js';
import { ASSIGNMENTS, FALLBACKS, NAMED_SETTERS, envVariableName, targetName } from './bindings.js';
import { codeSuggestions, commentSuggestions, isInComment, type CodeLiteral, type LiteralFinding } from './code-fix.js';
import { textSuggestions } from './text-fix.js';
import { checkPython, type PythonJudge } from './python.js';
import { meta, type MESSAGES, type optionsShape } from './meta.js';

/** A report's message: one of `MESSAGES` and its placeholders. */
interface Message {
  messageId: keyof typeof MESSAGES;
  data?: MessageData;
}

function secretMessage(match: SecretMatch): Message {
  switch (match.kind) {
    case 'pem':
      return { messageId: 'pem' };
    case 'url-password':
      return { messageId: 'urlPassword', data: { preview: maskSecret(match.secret) } };
    case 'authorization':
      return authorizationMessage(match.secret);
    case 'token':
      return { messageId: 'token', data: { label: match.label, preview: tokenPreview(match.secret) } };
  }
}

function authorizationMessage(credential: string): Message {
  return { messageId: 'authorization', data: { preview: maskSecret(credential) } };
}

function namedMessage(messageId: 'namedInCode' | 'namedInText' | 'namedInPython', name: string, value: string): Message {
  return { messageId, data: { name, preview: maskSecret(value) } };
}

/** The `credentials` option of fetch/Request is a mode (contract 1.1). */
const FETCH_CREDENTIAL_MODES = new Set(['include', 'same-origin', 'omit']);

function isAuthorizationName(name: string): boolean {
  return /^(?:proxy-)?authorization$/i.test(name);
}

/**
 * `create-token: 'Token erstellen'`, `invalid_token: 'Token inválido.'`: a label that starts with the
 * word `Token` and goes on in lower-case words; under a name other than `Authorization` it is no header value.
 */
function isTokenLabel(name: string, value: string): boolean {
  return !isAuthorizationName(name) && /^Token\s+\p{Ll}+[.!?…]?$/u.test(value.trim());
}

/** `auth: 'oauth2'`, `auth: 'firebase'`: a single word under an `auth` name picks a mode or provider. */
function isAuthModeWord(name: string, value: string): boolean {
  const words = splitWords(name);
  return words[words.length - 1] === 'auth' && /^[A-Z]?[a-z]+\d*$/.test(value);
}

/**
 * In a JS/TS comment only token formats and PEM blocks are credentials (contract 1.4): a URL
 * password or an Authorization line there documents a format (`postgres://user:pass@host`).
 */
function isFormatInComment(secret: SecretMatch, file: ts.SourceFile): boolean {
  return (secret.kind === 'url-password' || secret.kind === 'authorization') && isInComment(file, secret.start);
}

/**
 * `password: link.password ? 'protected' : null`: a branch chosen by whether the credential of
 * the same name is set labels its presence (a mask in a sanitized response), it is not the credential.
 */
function isPresenceLabel(literal: StringLike, name: string): boolean {
  let branch: ts.Node = literal;
  while (ts.isParenthesizedExpression(branch.parent)) branch = branch.parent;
  const conditional = branch.parent;
  if (!ts.isConditionalExpression(conditional) || conditional.condition === branch) return false;
  const tested = skipOuter(conditional.condition);
  const testedName = ts.isPropertyAccessExpression(tested) ? tested.name.text : ts.isIdentifier(tested) ? tested.text : undefined;
  return testedName === name;
}

type Judgement = { kind: 'authorization'; credential: string } | { kind: 'named' } | undefined;

/**
 * In test code, a value found only by its name or an Authorization header that does not look
 * generated is a fake (`password: 'test-pass'`, `Bearer test-token`): not reported. Known token
 * formats, PEM blocks and URL passwords are reported in tests too.
 */
function isTestFake(inTest: boolean, value: string): boolean {
  return inTest && !looksRandom(value);
}

/** An Authorization line found by the text scan is a fake in test code under the same test. */
function isFakeSecret(inTest: boolean, secret: SecretMatch): boolean {
  return secret.kind === 'authorization' && isTestFake(inTest, secret.secret);
}

/** Whether a literal bound to `name` is a hardcoded credential, shared by code and text files. */

type Options = OptionsOf<typeof optionsShape>;

function judgeNamedValue(name: string, value: string, options: Options): Judgement {
  // `@azure/core-auth` in a manifest names a package, not a setting.
  if (name.startsWith('@') || name.includes('/')) return undefined;
  const named = isCredentialName(name, options.credentialNames);
  if (named || isAuthorizationName(name)) {
    const credential = authorizationCredential(value, options);
    if (credential && !isTokenLabel(name, value)) return { kind: 'authorization', credential };
  }
  if (!named) return undefined;
  if (FETCH_CREDENTIAL_MODES.has(value) || isAuthModeWord(name, value)) return undefined;
  return isCredentialValue(value, { name, placeholders: options.placeholders }) ? { kind: 'named' } : undefined;
}

type StringLike = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** The literals a value may end up as: itself, both sides of `??`/`||` fallbacks, both branches of `?:`. */
function candidateLiterals(expr: ts.Expression | undefined): StringLike[] {
  if (!expr) return [];
  const node = skipOuter(expr);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === SyntaxKind.BarBarToken)) {
    return [...candidateLiterals(node.left), ...candidateLiterals(node.right)];
  }
  if (ts.isConditionalExpression(node)) return [...candidateLiterals(node.whenTrue), ...candidateLiterals(node.whenFalse)];
  return [];
}

/** Methods of builder chains that take a secret (`new SignJWT(…).sign(key)`). */
const CHAINED_SINK_METHODS = new Set(SECRET_SINKS.flatMap((sink) => (sink.method ? [sink.method] : [])));

/** The secret-taking call of `SECRET_SINKS` a call is, if any. */
function sinkOf(call: ts.CallExpression | ts.NewExpression, facts: FileFacts): SecretSink | undefined {
  const callee = skipOuter(call.expression);
  // Only a method some row names starts a walk down the chain: every call of a long chain asks.
  if (ts.isPropertyAccessExpression(callee) && CHAINED_SINK_METHODS.has(callee.name.text)) {
    const root = builderRoot(callee.expression);
    const rootRef = root && facts.resolve(root.expression);
    const method = callee.name.text;
    const chained = rootRef && SECRET_SINKS.find((sink) => sink.method === method && sink.modules.includes(rootRef.module) && sink.paths.includes(rootRef.path.join('.')));
    if (chained) return chained;
  }
  const ref = facts.resolve(call.expression);
  if (!ref) return undefined;
  const path = ref.path.join('.');
  return SECRET_SINKS.find((sink) => sink.method === undefined && sink.modules.includes(ref.module) && sink.paths.includes(path));
}

/** The `new X(…)` a method chain starts from: `new SignJWT(c)` in `new SignJWT(c).setIssuer(i).sign`. */
function builderRoot(expr: ts.Expression): ts.NewExpression | undefined {
  let node = skipOuter(expr);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(skipOuter(node.expression))) {
    tick();
    node = skipOuter((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
  }
  return ts.isNewExpression(node) ? node : undefined;
}

/**
 * What a sink's key argument holds, seen through the file's constants: a property of a
 * const object (`config.jwtKey`), the row's key property of an options object, and the
 * string behind bytes made from it (`new TextEncoder().encode('…')`, `Buffer.from('…')`).
 */
function keyValue(argument: ts.Expression, sink: SecretSink, facts: FileFacts): ts.Expression | undefined {
  let value = facts.valueOf(argument);
  if (value && ts.isPropertyAccessExpression(value)) {
    const owner = facts.valueOf(value.expression);
    const property = owner && ts.isObjectLiteralExpression(owner) ? getProperty(owner, value.name.text) : undefined;
    value = property && ts.isPropertyAssignment(property) ? facts.valueOf(property.initializer) : undefined;
  }
  if (value && sink.keyProperty && ts.isObjectLiteralExpression(value)) {
    const property = getProperty(value, sink.keyProperty);
    value = property && ts.isPropertyAssignment(property) ? facts.valueOf(property.initializer) : undefined;
  }
  if (value && ts.isCallExpression(value) && value.arguments[0] && isStringToBytes(value, facts)) value = facts.valueOf(value.arguments[0]);
  return value;
}

/** `new TextEncoder().encode(s)` or `Buffer.from(s[, encoding])`: the bytes of a string. */
function isStringToBytes(call: ts.CallExpression, facts: FileFacts): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipOuter(callee.expression);
  if (callee.name.text === 'encode') return ts.isNewExpression(receiver) && facts.isGlobal(receiver.expression, 'TextEncoder');
  return callee.name.text === 'from' && facts.isGlobal(receiver, 'Buffer') && (call.arguments.length === 1 || ts.isStringLiteralLike(skipOuter(call.arguments[1])));
}

/** `prefix: { accessToken: 'fboa_' }`, `const TOKEN_PREFIXES = {...}`: the values start tokens, they are not tokens. */
function isInPrefixTable(prop: ts.PropertyAssignment): boolean {
  const owner = prop.parent.parent;
  const name = ts.isPropertyAssignment(owner) ? propertyName(owner.name) : ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name) ? owner.name.text : undefined;
  const last = name === undefined ? undefined : splitWords(name).pop();
  return last === 'prefix' || last === 'prefixes';
}

function createCodeVisitor(ctx: RuleContext<Options>) {
  const { facts } = ctx.file;
  const options = ctx.options;
  const inTest = isTestPath(ctx.file.relativePath);
  // A module of translated text (`locales/de/input.ts`): names say nothing of its labels; token formats still count.
  const inCatalogue = isLocaleCatalogue(ctx.file.relativePath);
  const secrets = findSecrets(ctx.file.text, options);
  const consumed = new Set<SecretMatch>();
  const reported = new Set<number>();

  const span = (node: ts.Node) => ({ start: node.getStart(), end: node.getEnd() });
  const secretsIn = (node: ts.Node): SecretMatch[] => secrets.filter((secret) => !consumed.has(secret) && overlaps(secret, span(node)));
  const holdsSecret = (node: ts.Node): boolean => secrets.some((secret) => overlaps(secret, span(node)));
  const reportLiteral = (node: CodeLiteral, message: Message, finding: LiteralFinding): void => {
    if (reported.has(node.getStart())) return;
    reported.add(node.getStart());
    ctx.report({ node, ...message, suggest: codeSuggestions(node, finding, facts, ctx.file.sourceFile) });
  };

  /**
   * A `Basic` credential whose base64 decodes to `user:password`, whatever holds it:
   * `'Basic dXN…'`, or `` `Basic ${encoded}` `` with `encoded` a literal in the file.
   */
  const checkBasicCredential = (node: ts.Node): void => {
    let literal: StringLike | undefined;
    let value: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      [literal, value] = [node, node.text];
    } else if (ts.isTemplateExpression(node) && node.templateSpans.length === 1 && node.templateSpans[0].literal.text === '') {
      const encoded = facts.valueOf(node.templateSpans[0].expression);
      if (encoded && (ts.isStringLiteral(encoded) || ts.isNoSubstitutionTemplateLiteral(encoded))) [literal, value] = [encoded, node.head.text + encoded.text];
    }
    const credential = literal && value !== undefined ? basicCredential(value, options) : undefined;
    if (!literal || !credential || isTestFake(inTest, credential)) return;
    reportLiteral(literal, authorizationMessage(credential), { kind: 'authorization', name: '', credential });
  };

  /** Token formats, PEM blocks and URL passwords: one finding per literal that holds any; else a Basic credential. */
  const checkLiteral = (node: ts.Node): void => {
    const found = secretsIn(node);
    if (found.length === 0) return checkBasicCredential(node);
    found.forEach((secret) => consumed.add(secret));
    const real = found.filter((secret) => !isFakeSecret(inTest, secret));
    if (real.length > 0) reportLiteral(node as CodeLiteral, secretMessage(real[0]), { kind: 'secrets', secrets: real });
  };

  const checkBinding = (name: string | undefined, value: ts.Expression | undefined): void => {
    if (!name || inCatalogue) return;
    for (const literal of candidateLiterals(value)) {
      if (holdsSecret(literal) || isPresenceLabel(literal, name)) continue;
      const judgement = judgeNamedValue(name, literal.text, options);
      if (judgement && isTestFake(inTest, judgement.kind === 'authorization' ? judgement.credential : literal.text)) continue;
      if (judgement?.kind === 'authorization') reportLiteral(literal, authorizationMessage(judgement.credential), { kind: 'authorization', name, credential: judgement.credential });
      else if (judgement?.kind === 'named') reportLiteral(literal, namedMessage('namedInCode', name, literal.text), { kind: 'named', name });
    }
  };

  const checkSink = (call: ts.CallExpression | ts.NewExpression): void => {
    const sink = sinkOf(call, facts);
    const argument = sink && call.arguments?.[sink.argument];
    if (!sink || !argument) return;
    const value = keyValue(argument, sink, facts);
    const literals = value && ts.isArrayLiteralExpression(value) ? value.elements.flatMap((element) => candidateLiterals(element)) : candidateLiterals(value);
    for (const literal of literals) {
      if (holdsSecret(literal) || isPlaceholder(literal.text, { placeholders: options.placeholders }) || isReference(literal.text) || isTestFake(inTest, literal.text)) continue;
      reportLiteral(literal, { messageId: 'sink', data: { sink: sink.label, preview: maskSecret(literal.text) } }, { kind: 'sink', sink });
    }
  };

  const checkCall = (node: ts.Node): void => {
    const call = node as ts.CallExpression;
    checkSink(call);
    const callee = skipOuter(call.expression);
    const [key, value] = call.arguments;
    if (ts.isPropertyAccessExpression(callee) && NAMED_SETTERS.has(callee.name.text) && key && ts.isStringLiteralLike(key)) checkBinding(key.text, value);
  };

  const checkVariableLike = (node: ts.Node): void => {
    const declaration = node as ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement;
    if (ts.isIdentifier(declaration.name)) checkBinding(declaration.name.text, declaration.initializer);
  };

  return {
    on: {
      [SyntaxKind.StringLiteral]: checkLiteral,
      [SyntaxKind.NoSubstitutionTemplateLiteral]: checkLiteral,
      [SyntaxKind.TemplateExpression]: checkLiteral,
      [SyntaxKind.VariableDeclaration]: checkVariableLike,
      [SyntaxKind.Parameter]: checkVariableLike,
      [SyntaxKind.BindingElement]: checkVariableLike,
      [SyntaxKind.PropertyAssignment]: (node: ts.Node) => {
        const prop = node as ts.PropertyAssignment;
        if (!isInPrefixTable(prop)) checkBinding(propertyName(prop.name), prop.initializer);
      },
      [SyntaxKind.PropertyDeclaration]: (node: ts.Node) => {
        const prop = node as ts.PropertyDeclaration;
        checkBinding(propertyName(prop.name), prop.initializer);
      },
      [SyntaxKind.BinaryExpression]: (node: ts.Node) => {
        const binary = node as ts.BinaryExpression;
        if (ASSIGNMENTS.has(binary.operatorToken.kind)) checkBinding(targetName(binary.left), binary.right);
        else if (FALLBACKS.has(binary.operatorToken.kind)) checkBinding(envVariableName(binary.left, facts), binary.right);
      },
      [SyntaxKind.JsxAttribute]: (node: ts.Node) => {
        const attribute = node as ts.JsxAttribute;
        const init = attribute.initializer;
        const value = init && ts.isJsxExpression(init) ? init.expression : init;
        if (ts.isIdentifier(attribute.name)) checkBinding(attribute.name.text, value as ts.Expression | undefined);
      },
      [SyntaxKind.CallExpression]: checkCall,
      [SyntaxKind.NewExpression]: (node: ts.Node) => checkSink(node as ts.NewExpression),
    },
    end() {
      // Secrets outside any string literal: comments, JSX text, regular expressions.
      for (const secret of secrets) {
        if (!consumed.has(secret) && !isFakeSecret(inTest, secret) && !isFormatInComment(secret, ctx.file.sourceFile)) ctx.report({ span: secret, ...secretMessage(secret), suggest: commentSuggestions(ctx.file.sourceFile, secret) });
      }
    },
  };
}

const LOCKFILES = new Set(['pnpm-lock.yaml', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'bun.lock']);

function baseName(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

/** Lockfiles key versions by package name (`next-auth: 4.24.11`): names say nothing there. */
function isLockfile(path: string): boolean {
  return LOCKFILES.has(baseName(path).toLowerCase());
}

/**
 * Helm/Kubernetes: `existingSecret: app-secrets`, `secretRef`/`secretKeyRef` blocks name a
 * Secret object; so does a DNS-label value ending in `-secrets`/`-credentials`.
 */
function isSecretObjectReference(entry: NamedValue, kind: TextKind): boolean {
  if (kind !== 'yaml' && kind !== 'compose') return false;
  const words = splitWords(entry.name);
  if (words.includes('existing')) return true;
  return /^[a-z0-9]+(?:[-.][a-z0-9]+)*-(?:secrets|credentials|creds)$/.test(entry.value);
}

/** A label-like value in a data table: `Maxcoin`, `TokenFi`, `Bitcoin Cash` (no `a1b2`-style mixing). */
const LABEL_VALUE = /^(?!.*(?:\p{L}\d|\d\p{L}))[\p{Lu}\d][\p{L}\d .,'&()+-]*$/u;
const DATA_TABLE_MIN_ENTRIES = 100;

/**
 * A JSON file of hundreds of entries whose values are nearly all capitalised names (symbol →
 * coin name, code → country) is data: a key like `TOKEN` there is a symbol, not a setting.
 */
function isLabelTable(entries: readonly NamedValue[], kind: TextKind): boolean {
  if (kind !== 'json' || entries.length < DATA_TABLE_MIN_ENTRIES) return false;
  const labels = entries.filter((entry) => LABEL_VALUE.test(entry.value)).length;
  return labels >= entries.length * 0.9;
}

const DEPENDENCY_MAPS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'catalog'];

/** The package names a `package.json` keys its dependency maps by (`"next-auth": "catalog:"`): names of packages, not settings. */
function dependencyNames(path: string, text: string): Set<string> {
  if (baseName(path) !== 'package.json') return new Set();
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return new Set();
  }
  const maps = DEPENDENCY_MAPS.map((key) => (manifest as Record<string, unknown>)?.[key]);
  return new Set(maps.flatMap((map) => (map && typeof map === 'object' ? Object.keys(map) : [])));
}

/**
 * Documentation written into a YAML block scalar (an OpenAPI `description: |`, a code sample's
 * `source: |-`) is text: an Authorization line there is a sample unless its credential looks generated.
 */
function isSampleInTextBlock(secret: SecretMatch, blocks: ReadonlyArray<{ start: number; end: number }>): boolean {
  return secret.kind === 'authorization' && !looksRandom(secret.secret) && blocks.some((block) => overlaps(secret, block));
}

/**
 * A `.env.example`-style template holds instructions and throw-away local values in plain
 * lower-case words (`get_the_secret_of_above_key`, `ignored`, `something`): not credentials.
 */
function isTemplateValue(kind: TextKind, value: string): boolean {
  return kind === 'env' && /^[a-z]+(?:[-_.][a-z]+)*$/.test(value);
}

const USER_WORDS = new Set(['user', 'username', 'login']);

/**
 * `POSTGRES_USER: postgres` beside `POSTGRES_PASSWORD: postgres`: a password equal to a user name
 * set next to it is a service's default account (contract 1.1 exempts it in URLs).
 */
function equalsNearbyUserName(entry: NamedValue, entries: readonly NamedValue[], at: number): boolean {
  const near = entries.slice(Math.max(0, at - 8), at + 9);
  return near.some((other) => other !== entry && other.value === entry.value && USER_WORDS.has(splitWords(other.name).pop() ?? ''));
}

/** The judgement the Python check applies: the same names, placeholders and test fakes as the JS one. */
function pythonJudge(path: string, options: Options): PythonJudge {
  const inTest = isTestPath(path);
  return {
    named(name, value, shown = name) {
      const judgement = judgeNamedValue(name, value, options);
      if (!judgement || isTestFake(inTest, judgement.kind === 'authorization' ? judgement.credential : value)) return undefined;
      return judgement.kind === 'authorization' ? authorizationMessage(judgement.credential) : namedMessage('namedInPython', shown, value);
    },
    sink(label, value) {
      if (value === '' || isPlaceholder(value, { placeholders: options.placeholders }) || isReference(value) || isTestFake(inTest, value)) return undefined;
      return { messageId: 'sink', data: { sink: label, preview: maskSecret(value) } };
    },
  };
}

function checkTextFile(ctx: TextContext<Options>): void {
  const inTest = isTestPath(ctx.relativePath);
  const blocks = ctx.kind === 'yaml' || ctx.kind === 'compose' ? yamlBlockScalars(ctx.text) : [];
  const secrets = findSecrets(ctx.text, ctx.options).filter((secret) => (ctx.kind !== 'other' || secret.kind !== 'authorization') && !isFakeSecret(inTest, secret) && !isSampleInTextBlock(secret, blocks));
  const entries = namedValues(ctx.text, ctx.kind);
  for (const secret of secrets) {
    const entry = entries.find((candidate) => overlaps(candidate, secret));
    // A lockfile is regenerated, not edited: the fix is in the manifest or the registry settings.
    const suggest = isLockfile(ctx.path) ? [] : textSuggestions(ctx.text, ctx.kind, { start: secret.start, end: secret.end, match: secret, entry });
    ctx.report({ span: secret, ...secretMessage(secret), suggest });
  }
  if (isTranslationFile(ctx.path) || isLockfile(ctx.path)) return;
  const reported = new Set<number>();
  const labelTable = isLabelTable(entries, ctx.kind);
  const packages = dependencyNames(ctx.path, ctx.text);
  for (const [at, entry] of entries.entries()) {
    if (reported.has(entry.start) || secrets.some((secret) => overlaps(secret, entry))) continue;
    if (isTemplateValue(ctx.kind, entry.value) || equalsNearbyUserName(entry, entries, at)) continue;
    if (isSecretObjectReference(entry, ctx.kind) || (labelTable && LABEL_VALUE.test(entry.value)) || packages.has(entry.name)) continue;
    const judgement = judgeNamedValue(entry.name, entry.value, ctx.options);
    if (!judgement || isTestFake(inTest, judgement.kind === 'authorization' ? judgement.credential : entry.value)) continue;
    reported.add(entry.start);
    const message = judgement.kind === 'authorization' ? authorizationMessage(judgement.credential) : namedMessage('namedInText', entry.name, entry.value);
    const credentialAt = judgement.kind === 'authorization' ? entry.start + entry.value.indexOf(judgement.credential) : -1;
    const secret = credentialAt >= entry.start && judgement.kind === 'authorization'
      ? { start: credentialAt, end: credentialAt + judgement.credential.length, entry, credential: judgement.credential }
      : { start: entry.start, end: entry.end, entry };
    ctx.report({ span: { start: entry.start, end: entry.end }, ...message, suggest: textSuggestions(ctx.text, ctx.kind, secret) });
  }
}

type Reporting<R> = { report(report: R): void };

/**
 * In test code a credential is test data: real-code judging found every one of them dismissable
 * (fixture keys, test users' passwords, test brokers' URLs), so it is found as a hint. A known
 * token format keeps its severity: the provider issued that shape, and a real key pasted into a
 * test leaks all the same.
 */
function testDataAsHints<R extends Pick<Report, 'messageId' | 'severity'>, C extends Reporting<R>>(ctx: C, path: string): C {
  if (!isTestPath(path)) return ctx;
  return { ...ctx, report: (report: R) => ctx.report(report.messageId === 'token' ? report : { ...report, severity: 'hint' }) };
}

export const rule = defineRule({
  meta,
  create: (ctx) => createCodeVisitor(testDataAsHints(ctx, ctx.file.relativePath)),
  checkText: (ctx) => checkTextFile(testDataAsHints(ctx, ctx.relativePath)),
  python: (ctx) => checkPython(testDataAsHints(ctx, ctx.file.relativePath), pythonJudge(ctx.file.relativePath, ctx.options)),
});
