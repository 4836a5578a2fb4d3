import { ancestor, calleeName, calleeObject, dottedText, enclosingFunction, field, forEachDescendant, namedChildren, numberValue, stringValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import type { TextEdit } from '../../engine/types.js';
import { isTestPath } from '../../analysis/test-paths.js';
import { isCredentialValue } from '../../secrets/credentials.js';
import { PY_APP_CONFIGS, PY_ENUM_BASES, PY_EVENT_KIND_FIELDS, PY_SETTING_READERS } from '../../models/python.js';
import { isAssetValue } from '../../analysis/python/asset-values.js';
import { isRequestValue } from '../../analysis/python/request-sources.js';
import { isCredentialName, splitWords } from '../../secrets/words.js';
import { isPasswordName, nameKind, PY_SIGNATURE_WORDS, type Kind } from './names.js';

const ENUM_BASES = new Set(PY_ENUM_BASES.flatMap((row) => row.bases));
const EQUALITY = new Set(['==', '!=', 'is', 'is not']);
/** Last words of operands that name an asset or where it is held, never a secret (wallet and payment code's tokens). */
const ASSET_WORDS = new Set(['asset', 'assets', 'currency', 'coin', 'symbol', 'address']);
/** Calls whose result is a digest or signature. */
const DIGEST_CALLS = new Set(['hexdigest', 'digest', 'b64encode', 'urlsafe_b64encode', 'b64decode']);
/** Calls that return their argument's value in another form (`sig.lower()`, `str(sig)`). */
const PASS_THROUGH = new Set(['lower', 'upper', 'strip', 'encode', 'decode', 'str', 'bytes']);

/**
 * Operands that rule the comparison out: None, a string written in the comparison (`token ==
 * "def"`, as a JS literal operand), True/False, a number, an empty container, `len(...)`, and a named constant that
 * is no credential (`signal.SIGINT`, `START_ELEMENT`) and no setting.
 */
function isHarmless(node: PyNode, facts: PyFacts, names: readonly string[]): boolean {
  if (['none', 'true', 'false', 'integer', 'float'].includes(node.type)) return true;
  // `token != {}`, `!= []`, `!= ()`: an empty container asks whether a value is set, like `None`.
  if (['dictionary', 'list', 'tuple'].includes(node.type) && namedChildren(node).length === 0) return true;
  if (stringValue(node, facts.text) !== undefined) return true;
  // `from_token: EvmToken`, `get_or_create_evm_token(...)`: comparing an asset asks which currency it is.
  if (isAssetValue(node, facts) || isEventKind(node, facts)) return true;
  if (node.type === 'call') return ['len', 'type'].includes(facts.qualify(field(node, 'function')) ?? '');
  if (isNonSecretConstant(node, facts) || isClass(node, facts)) return true;
  const parts = node.type === 'attribute' || node.type === 'identifier' ? dottedText(node, facts.text)?.split('.') : undefined;
  const last = parts?.at(-1) ?? '';
  // `event.asset == token`: a comparison with an asset, a currency or an address asks which one a value is.
  if (ASSET_WORDS.has(splitWords(last).at(-1) ?? '')) return true;
  // A setting (`settings.API_KEY_SHA256`, a constant read from the environment) holds what the deployment gives it, not a fixed name.
  return /^[A-Z][A-Z0-9_]*$/.test(last) && !nameKind(last, names, PY_SIGNATURE_WORDS) && !isPasswordName(last, names) && !/^(self|cls)$/.test(parts![0]) && !fromConfiguration(node, facts);
}

/** `tx_log.topics[0]`, `log["topics"][0]`: the field of an event log that names the event's kind. */
function isEventKind(node: PyNode, facts: PyFacts): boolean {
  if (node.type !== 'subscript') return false;
  const index = unwrap(field(node, 'subscript'));
  const owner = unwrap(field(node, 'value'));
  const name = owner?.type === 'attribute' ? facts.textOf(field(owner, 'attribute')!) : owner?.type === 'subscript' ? stringValue(field(owner, 'subscript'), facts.text) : undefined;
  return index?.type === 'integer' && PY_EVENT_KIND_FIELDS.some((row) => row.field === name && Number(facts.textOf(index)) === row.index);
}

/** A class's name by its shape: a capital first and a lower-case letter somewhere (two linear tests, not one backtracking pattern). */
function isPascalCase(name: string): boolean {
  return /^[A-Z]\w*$/.test(name) && /[a-z]/.test(name);
}

/**
 * A type value (contract 1.4): `x.__class__`, or a class by its name: one the file defines, or an
 * imported PascalCase name (`OAuth2AccessToken`). Compared with `type(x)` or by identity, it tells
 * what kind of object a value is, not what a secret holds.
 */
function isClass(node: PyNode, facts: PyFacts): boolean {
  const parts = node.type === 'attribute' || node.type === 'identifier' ? dottedText(node, facts.text)?.split('.') : undefined;
  if (!parts) return false;
  const last = parts[parts.length - 1];
  if (last === '__class__') return true;
  if (!isPascalCase(last)) return false;
  if (parts.length === 1 && fileClass(last, facts)) return true;
  return facts.imports.has(parts[0]) && /^[A-Z]/.test((facts.qualify(node) ?? '').split('.').pop() ?? '');
}

/**
 * A name bound in the file to a literal that is no secret (contract 1.4): its own name
 * (`PRIVATE_KEY = "private_key"`) or a word of it, a placeholder, or a short lower-case word or snake_case
 * identifier (`REQUEST_TOKEN = 'request'`), however credential-named the binding is.
 */
function isNonSecretConstant(node: PyNode, facts: PyFacts): boolean {
  if (node.type !== 'identifier' && node.type !== 'attribute') return false;
  const value = classConstant(node, facts) ?? facts.valueOf(node);
  const literal = value && value !== node ? stringValue(value, facts.text) : undefined;
  if (literal === undefined) return false;
  const name = dottedText(node, facts.text)?.split('.').pop();
  const identifierLike = /^[a-z]+(?:[_-][a-z]+)*$/.test(literal) && (literal.length < 8 || /[_-]/.test(literal));
  // `ANONYMOUS_USER_TOKEN = "anonymous"`: a word of the binding's own name, which says what it holds rather than hides it.
  const ownWord = /^[a-z]+$/.test(literal) && name !== undefined && splitWords(name).includes(literal);
  return identifierLike || ownWord || !isCredentialValue(literal, { name });
}

/** `NtfyAuth.TOKEN`: the value a file class binds the member to in its body, when it binds it once. */
function classConstant(node: PyNode, facts: PyFacts): PyNode | undefined {
  const owner = node.type === 'attribute' ? unwrap(field(node, 'object')) : undefined;
  const cls = owner?.type === 'identifier' ? fileClass(facts.textOf(owner), facts) : undefined;
  const body = cls && field(cls, 'body');
  if (!body) return undefined;
  const bindings = facts.bindingsOf(facts.textOf(field(node, 'attribute')!), body).filter((binding) => binding.scope === cls);
  return bindings.length === 1 ? bindings[0].value : undefined;
}

/** SQLAlchemy's query builders: a comparison in their arguments is a SQL expression, evaluated by the database. */
const SQL_CLAUSE_CALLS = new Set(['filter', 'where', 'having', 'join', 'outerjoin', 'and_', 'or_', 'not_']);

/**
 * `Model.token == value` / `cls.api_key == key` written into `.filter(`/`.where(`: the column's
 * `==` builds a WHERE clause, it compares no strings in the process.
 */
function isSqlClause(comparison: PyNode, operands: readonly PyNode[], facts: PyFacts): boolean {
  const isColumn = (operand: PyNode) => {
    const parts = operand.type === 'attribute' ? dottedText(operand, facts.text)?.split('.') : undefined;
    return parts !== undefined && parts.length >= 2 && (parts[parts.length - 2] === 'cls' || /^[A-Z]/.test(parts[parts.length - 2]));
  };
  if (!operands.some(isColumn)) return false;
  let node = comparison;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (['parenthesized_expression', 'binary_operator', 'unary_operator', 'argument_list'].includes(parent.type)) continue;
    if (parent.type !== 'call' || node !== field(parent, 'arguments')) return false;
    const name = calleeName(parent, facts.text) ?? '';
    if (!SQL_CLAUSE_CALLS.has(name)) return false;
    if (name !== 'and_' && name !== 'or_' && name !== 'not_') return true;
  }
  return false;
}

function operandKind(node: PyNode | undefined, facts: PyFacts, names: readonly string[], depth = 0): Kind {
  const operand = unwrap(node);
  if (!operand || depth > 4) return undefined;
  if (operand.type === 'call') {
    const name = calleeName(operand, facts.text) ?? '';
    if (DIGEST_CALLS.has(name)) return 'signature';
    if (PASS_THROUGH.has(name)) return operandKind(calleeObject(operand) ?? namedChildren(field(operand, 'arguments') ?? operand)[0], facts, names, depth + 1);
    return undefined;
  }
  if (operand.type === 'subscript') {
    // request.headers["X-Hub-Signature-256"], data["signature"]
    const key = stringValue(field(operand, 'subscript'), facts.text);
    return key ? nameKind(key, names, PY_SIGNATURE_WORDS) : undefined;
  }
  const dotted = dottedText(operand, facts.text);
  if (!dotted) return undefined;
  // `Purpose.SERVER_AUTH`, `Scope.API_TOKEN`: an enum member names a kind, it holds no secret.
  const parts = dotted.split('.');
  if (parts.length >= 2 && /^[A-Z][A-Z0-9_]*$/.test(parts[parts.length - 1]) && /^[A-Z][a-z]/.test(parts[parts.length - 2])) return undefined;
  const kind = nameKind(dotted.split('.').pop()!, names, PY_SIGNATURE_WORDS);
  if (kind === 'signature' || kind === 'secret') return kind;
  const value = facts.valueOf(operand);
  // `FACTORY_PASSWORD = "Sg-7731-fx94"`: a password constant of the code's own is a secret, not a typed one to confirm.
  if (value && value !== operand && stringValue(value, facts.text) !== undefined && isOwnConstant(operand, facts) && isPasswordName(parts[parts.length - 1], names)) return 'secret';
  // `expected = hmac.new(...).hexdigest()`: what the name holds.
  return value && value !== operand && value.type === 'call' ? operandKind(value, facts, names, depth + 1) : undefined;
}

const SETTING_READERS = new Set(PY_SETTING_READERS.flatMap((row) => row.names));
const APP_PROXIES = new Set(PY_APP_CONFIGS.flatMap((row) => row.proxies));
const APP_CLASSES = new Set(PY_APP_CONFIGS.flatMap((row) => row.classes));

/** `app.config` of `app = Flask(__name__)`, `current_app.config`: the application's configuration mapping. */
function isAppConfig(node: PyNode | undefined, facts: PyFacts): boolean {
  const mapping = unwrap(node);
  if (mapping?.type !== 'attribute' || facts.textOf(field(mapping, 'attribute')!) !== 'config') return false;
  const app = field(mapping, 'object');
  return APP_PROXIES.has(facts.qualify(app) ?? '') || APP_CLASSES.has(facts.instanceOf(app)?.name ?? '');
}

/**
 * Whether an operand is read from the application's own configuration: `os.environ[...]`,
 * `os.getenv(...)`, `config(...)`, Django `settings.X`, Flask `app.config[...]`, or a name bound to one of them.
 */
function fromConfiguration(node: PyNode | undefined, facts: PyFacts, depth = 0): boolean {
  const operand = unwrap(node);
  if (!operand || depth > 4) return false;
  if (operand.type === 'call') {
    if (SETTING_READERS.has(facts.qualify(field(operand, 'function')) ?? '')) return true;
    return PASS_THROUGH.has(calleeName(operand, facts.text) ?? '') && fromConfiguration(calleeObject(operand), facts, depth + 1);
  }
  if (operand.type === 'subscript') return facts.qualify(field(operand, 'value')) === 'os.environ' || isAppConfig(field(operand, 'value'), facts);
  if (operand.type === 'attribute' && ['django.conf.settings', 'settings'].includes(facts.qualify(field(operand, 'object')) ?? '')) return true;
  const value = facts.valueOf(operand);
  return value !== undefined && value !== operand && fromConfiguration(value, facts, depth + 1);
}

/**
 * A constant of the application's own code: an upper-case name the file imports by name
 * (`from app.settings.literals import DEFAULT_SECRET_KEY`) or binds only at module level to a
 * literal (`DEFAULT_SECRET_KEY = 'secret-key-missing!'`). Neither a request nor a caller gives it.
 */
function isOwnConstant(node: PyNode, facts: PyFacts): boolean {
  if (node.type !== 'identifier') return false;
  const name = facts.textOf(node);
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) return false;
  if (facts.imports.get(name)?.endsWith(`.${name}`)) return true;
  const bindings = facts.bindingsOf(name, node);
  return bindings.length > 0 && bindings.every(({ scope, value }) => scope.type === 'module' && (stringValue(value, facts.text) !== undefined || numberValue(value, facts.text) !== undefined));
}

/**
 * Contract 1.4: both operands are the application's own (a start-up check): each from its
 * configuration, or one from it and the other a constant of its code (`settings.SECRET_KEY ==
 * DEFAULT_SECRET_KEY`, refusing to start with the sentinel key).
 */
function bothOwn(left: PyNode, right: PyNode, facts: PyFacts): boolean {
  const [leftConfigured, rightConfigured] = [fromConfiguration(left, facts), fromConfiguration(right, facts)];
  return (leftConfigured || isOwnConstant(left, facts)) && (rightConfigured || isOwnConstant(right, facts)) && (leftConfigured || rightConfigured);
}

/** The name an operand goes by: the last part of `auth.password`, the key of `config["API_KEY"]` or `headers.get("X-Api-Key")`. */
function operandName(node: PyNode, facts: PyFacts): string | undefined {
  if (node.type === 'subscript') return stringValue(field(node, 'subscript'), facts.text);
  if (node.type === 'call' && calleeName(node, facts.text) === 'get') return stringValue(namedChildren(field(node, 'arguments') ?? node)[0], facts.text);
  return dottedText(node, facts.text)?.split('.').pop();
}

/**
 * A value read from the request compared with one from the configuration, either named as a
 * credential (contract 1.4: "a key read from the request compared with the configured key"):
 * `auth.password != current_app.config["INBOUND_PASSWORD"]` with `auth = request.authorization`.
 * A password counts here, as it does not against another password (its confirmation).
 */
function requestAgainstConfiguration(left: PyNode, right: PyNode, facts: PyFacts, names: readonly string[]): boolean {
  const pairs = [[left, right], [right, left]];
  if (!pairs.some(([received, configured]) => isRequestValue(received, facts) && fromConfiguration(configured, facts))) return false;
  return [left, right].some((operand) => isCredentialName(operandName(operand, facts) ?? '', names));
}

/** A class the file defines under this name. */
function fileClass(name: string, facts: PyFacts): PyNode | undefined {
  return facts.ofType('class_definition').find((cls) => facts.textOf(field(cls, 'name')!) === name);
}

/** A class derived from an enumeration base (`class NtfyAuth(Enum)`), directly or through the file's own classes. */
function isEnumClass(cls: PyNode, facts: PyFacts, depth = 0): boolean {
  const bases = field(cls, 'superclasses');
  return bases !== undefined && namedChildren(bases).some((base) => {
    if (base.type !== 'identifier' && base.type !== 'attribute') return false;
    if (ENUM_BASES.has(facts.qualify(base) ?? '')) return true;
    const parent = base.type === 'identifier' && depth < 4 ? fileClass(facts.textOf(base), facts) : undefined;
    return parent !== undefined && parent !== cls && isEnumClass(parent, facts, depth + 1);
  });
}

/**
 * An enum member (contract 1.4): `NtfyAuth.TOKEN` where the file derives `NtfyAuth` from `Enum`.
 * Compared by identity (`mode is PrivacyMode.Secret`), a capitalised member of any class the file
 * names or imports is one too: `is` asks which member a value is, and no secret read from elsewhere is
 * identical to a class's member.
 */
function isEnumMember(node: PyNode, identity: boolean, facts: PyFacts): boolean {
  const owner = node.type === 'attribute' ? unwrap(field(node, 'object')) : undefined;
  if (owner?.type !== 'identifier') return false;
  const name = facts.textOf(owner);
  const cls = fileClass(name, facts);
  // A member named as enum members are (`Secret`, `TOKEN`), not a lower-case attribute.
  const member = facts.textOf(field(node, 'attribute')!);
  if (identity && /^[A-Z]/.test(member) && isPascalCase(name) && (cls || facts.imports.has(name))) return true;
  return cls !== undefined && isEnumClass(cls, facts);
}

/**
 * `self.apikey != self.sid` in a method: two attributes of the object, set where it was made or
 * configured, neither by the method comparing them (from its parameters) nor from a request, nor
 * from a parameter of another method (a setter). Both come from the application's own
 * configuration (contract 1.4): a consistency check between settings, no attacker input.
 */
function isConfiguredAttribute(node: PyNode, facts: PyFacts): boolean {
  const dotted = node.type === 'attribute' ? dottedText(node, facts.text) : undefined;
  const method = enclosingFunction(node);
  if (!dotted || !/^self\.\w+$/.test(dotted) || !method) return false;
  return facts.bindingsOf(dotted, node).every(({ target, value }) => {
    const setter = enclosingFunction(target);
    if (setter === method || !value || isRequestValue(value, facts)) return false;
    const constructor = setter?.type === 'function_definition' && facts.textOf(field(setter, 'name')!) === '__init__';
    return setter === undefined || constructor || !readsParameter(value, setter, facts);
  });
}

/** Whether an expression reads a parameter of the function it is in. */
function readsParameter(value: PyNode, definition: PyNode, facts: PyFacts): boolean {
  let found = false;
  forEachDescendant(value, (node) => {
    if (node.type === 'identifier' && facts.bindingsOf(facts.textOf(node), node).some((binding) => binding.value === undefined && binding.scope === definition)) found = true;
    return !found;
  });
  return found;
}

/** `import hmac` at the top of the file when it is not imported yet. */
function importEdit(facts: PyFacts): TextEdit[] {
  if (facts.imports.get('hmac') === 'hmac') return [];
  const first = facts.ofType('import_statement')[0] ?? facts.ofType('import_from_statement').find((node) => !facts.textOf(node).includes('__future__'));
  const at = first ? first.start : 0;
  return [{ start: at, end: at, text: 'import hmac\n' }];
}

export function checkPython(ctx: PythonContext<{ credentialNames: string[] }>): void {
  const { facts } = ctx.file;
  const inTest = isTestPath(ctx.file.relativePath);
  for (const comparison of facts.ofType('comparison_operator')) {
    const operands = namedChildren(comparison);
    const operators = comparison.children.filter((child) => !child.named);
    // Chained comparisons (`a == b == c`) are left alone.
    if (operands.length !== 2 || operators.length === 0) continue;
    const operator = operators.map((token) => token.type).join(' ');
    if (!EQUALITY.has(operator)) continue;
    const [left, right] = operands.map((operand) => unwrap(operand)!);
    // A test's `assert` runs in the test suite, where no attacker times a response.
    if (inTest && ancestor(comparison, 'assert_statement')) continue;
    if (isSqlClause(comparison, [left, right], facts)) continue;
    if (isHarmless(left, facts, ctx.options.credentialNames) || isHarmless(right, facts, ctx.options.credentialNames)) continue;
    const identity = operator === 'is' || operator === 'is not';
    if (isEnumMember(left, identity, facts) || isEnumMember(right, identity, facts)) continue;
    // Both sides from the service's own configuration: a start-up consistency check, no attacker input.
    if (bothOwn(left, right, facts)) continue;
    if (isConfiguredAttribute(left, facts) && isConfiguredAttribute(right, facts)) continue;
    const leftKind = operandKind(left, facts, ctx.options.credentialNames);
    const rightKind = operandKind(right, facts, ctx.options.credentialNames);
    const named = leftKind === 'signature' || rightKind === 'signature' ? 'signature' : leftKind === 'secret' || rightKind === 'secret' ? 'secret' : undefined;
    const kind = named ?? (requestAgainstConfiguration(left, right, facts, ctx.options.credentialNames) ? 'secret' : undefined);
    if (!kind) continue;
    const operand = leftKind || !named ? left : right;
    const fix = operator === '==' || operator === '!='
      ? () => [...importEdit(facts), { start: comparison.start, end: comparison.end, text: `${operator === '!=' ? 'not ' : ''}hmac.compare_digest(${facts.textOf(left)}, ${facts.textOf(right)})` }]
      : undefined;
    ctx.report({ node: comparison, messageId: kind === 'signature' ? 'pySignature' : 'pySecret', data: { operand: facts.textOf(operand).replace(/\s+/g, ' ').slice(0, 40), operator }, fix });
  }
}
