import { SyntaxKind, ts } from '../engine/ts.js';
import { calleeName, dottedName, getProperty, isFunctionNode, lookupProperty } from '../engine/ast.js';
import { skipOuter, type FileFacts } from '../engine/facts.js';
import { hasDecorator, importsAny, isSdkCall, madeBy, promisedRequest, receiverNamed, receiverOf } from './syntax.js';
import { rememberedPerParse } from './memo.js';
import { MESSAGING_LIBRARIES, type Evidence, type MessagingLibrary, type PublishCall, type Unconfirmed } from '../models/messaging.js';

/**
 * Publish recognition from the rows of models/messaging.ts: which calls hand a message to
 * a broker, and what they return to wait on.
 */

type Publish = { library: MessagingLibrary; publish: PublishCall };

// A command names its publish exactly: those rows go first (`send` is also KafkaJS's).
const PUBLISHES: readonly Publish[] = MESSAGING_LIBRARIES.flatMap((library) => library.publishes.map((publish) => ({ library, publish }))).sort(
  (a, b) => Number(b.publish.command !== undefined) - Number(a.publish.command !== undefined),
);

/** The publishes by method name (a v2 request's by `promise`, the call that sends it). */
const BY_METHOD = new Map<string, Publish[]>();
for (const entry of PUBLISHES) {
  const method = entry.publish.returns === 'request' ? 'promise' : entry.publish.method;
  BY_METHOD.set(method, [...(BY_METHOD.get(method) ?? []), entry]);
}

/** Method names by which the libraries publish: a call so named may hand the message elsewhere. */
export const PUBLISH_METHODS: ReadonlySet<string> = new Set(PUBLISHES.map(({ publish }) => publish.method));

/** Option keys that name where a publish goes (`topic`, `QueueUrl`, `routingKey`). */
export const DESTINATION_KEYS: ReadonlySet<string> = new Set(MESSAGING_LIBRARIES.flatMap((library) => library.destinations));

/** A call that hands a message to a broker: the row it matched, how messages name it, and what it returns to wait on. */
export interface PublishOf {
  library: MessagingLibrary;
  label: string;
  returns: PublishCall['returns'];
}

/**
 * The publish a call is, if any. A row whose call returns something to wait on wins over a
 * synchronous one of the same name (amqp-connection-manager's `publish` over amqplib's).
 */
export const publishOf: (call: ts.CallExpression, facts: FileFacts) => PublishOf | undefined = rememberedPerParse(findPublish);

function findPublish(call: ts.CallExpression, facts: FileFacts): PublishOf | undefined {
  const rows = BY_METHOD.get(calleeName(call) ?? '');
  if (!rows) return undefined;
  const built = promisedRequest(call);
  let sync: PublishOf | undefined;
  for (const { library, publish } of rows) {
    if (publish.returns === 'request') {
      // AWS SDK v2: the request's `.promise()` sends it.
      if (built && receiverOf(built) && isSdkCall(built, publish, facts)) return { library, returns: 'request', label: `${dottedName(built.expression)}(...).promise()` };
    } else if ((publish.returns === 'promise' || !sync) && isPublish(call, publish, library, facts)) {
      const target = dottedName(call.expression) ?? calleeName(call);
      const found: PublishOf = { library, returns: publish.returns, label: publish.command ? `${target}(new ${publish.command}(...))` : target ?? 'publish' };
      if (publish.returns === 'promise') return found;
      sync = found;
    }
  }
  return sync;
}

/** A publish whose promise the caller must handle, labelled for a message; the call is the one that returns the promise. */
export function awaitablePublish(call: ts.CallExpression, facts: FileFacts): string | undefined {
  const found = publishOf(call, facts);
  return found && found.returns !== 'sync' ? found.label : undefined;
}

/** An option of the publish's record that turns the broker's confirmation off (Kafka `acks: 0`), with the row's words for it. */
export function unconfirmedOption(call: ts.CallExpression, facts: FileFacts): { prop: ts.ObjectLiteralElementLike; unconfirmed: Unconfirmed } | undefined {
  for (const { library, publish } of BY_METHOD.get(calleeName(call) ?? '') ?? []) {
    const unconfirmed = publish.unconfirmed;
    if (!unconfirmed || !isPublish(call, publish, library, facts)) continue;
    const lookup = lookupProperty(call.arguments[0], unconfirmed.option, facts);
    if (lookup.kind !== 'present' || !lookup.value) return undefined;
    const value = facts.valueOf(lookup.value);
    return value && ts.isNumericLiteral(value) && Number(value.text) === unconfirmed.value ? { prop: lookup.prop, unconfirmed } : undefined;
  }
  return undefined;
}

function isPublish(call: ts.CallExpression, publish: PublishCall, library: MessagingLibrary, facts: FileFacts): boolean {
  const receiver = receiverOf(call);
  if (!receiver || !isSdkCall(call, publish, facts)) return false;
  if (publish.arity !== undefined && call.arguments.length !== publish.arity) return false;
  const evidence = publish.publisher;
  if (!evidence) return true;
  // No library publishes a callback: `queue.add(task)` is an in-process queue.
  const first = call.arguments[0] && skipOuter(call.arguments[0]);
  if (first && isFunctionNode(first)) return false;
  if (evidence.recordKeys && hasRecord(call, evidence.recordKeys, facts)) return true;
  if (evidence.factories && madeBy(receiver, evidence.factories, facts)) return true;
  if (isDeclaredPublisher(receiver, evidence, library, facts)) return true;
  const instance = newInstanceOf(receiver, evidence, library, facts);
  if (instance !== undefined) return instance;
  return receiverNamed(evidence, receiver) && fitsByNameOnly(call, publish, library, facts);
}

/** KafkaJS `send({ topic, messages })`: a record with all the keys. */
function hasRecord(call: ts.CallExpression, keys: readonly string[], facts: FileFacts): boolean {
  const value = call.arguments[0] && facts.valueOf(call.arguments[0]);
  return !!value && ts.isObjectLiteralExpression(value) && keys.every((key) => getProperty(value, key));
}

/** A call matched by its receiver's name alone must have the arguments the library's call takes (BullMQ `add(name, data, opts?)`). */
function fitsByNameOnly(call: ts.CallExpression, publish: PublishCall, library: MessagingLibrary, facts: FileFacts): boolean {
  const shape = publish.nameOnly;
  if (!shape) return true;
  const first = call.arguments[0] && skipOuter(call.arguments[0]);
  if (!first || call.arguments.length < shape.min || call.arguments.some((arg) => isFunctionNode(skipOuter(arg)))) return false;
  return !shape.firstIsName || importsAny(library.modules, facts) || mayBeJobName(first, facts);
}

/** A string, or a value the file cannot show: not a value known to be something else. */
function mayBeJobName(expr: ts.Expression, facts: FileFacts): boolean {
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return true;
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return false;
  const value = facts.valueOf(expr);
  return !value || value === expr || ts.isStringLiteralLike(skipOuter(value)) || ts.isTemplateExpression(skipOuter(value));
}

/**
 * For a receiver made by `new Queue(...)`: whether the class is the row's (from its modules,
 * or from a place the file cannot show); another module's class of that name is decisively not.
 * Undefined for any other receiver.
 */
function newInstanceOf(receiver: ts.Expression, evidence: Evidence, library: MessagingLibrary, facts: FileFacts): boolean | undefined {
  if (!evidence.classes) return undefined;
  const value = facts.valueOf(receiver);
  if (!value || !ts.isNewExpression(value) || !evidence.classes.includes(dottedName(value.expression)?.split('.').pop() ?? '')) return undefined;
  const module = facts.resolve(value.expression)?.module;
  return module === undefined || library.modules.includes(module);
}

type Declaration = ts.ParameterDeclaration | ts.PropertyDeclaration | ts.VariableDeclaration;

/** `@InjectQueue('emails') private readonly emails: Queue`, `queue: Queue` with `Queue` from the row's modules. */
function isDeclaredPublisher(receiver: ts.Expression, evidence: Evidence, library: MessagingLibrary, facts: FileFacts): boolean {
  if (!evidence.injectedBy && !evidence.classes) return false;
  const declaration = receiverDeclaration(receiver, facts);
  if (!declaration) return false;
  if (!ts.isVariableDeclaration(declaration) && evidence.injectedBy?.some((decorator) => hasDecorator(declaration, decorator))) return true;
  const type = declaration.type;
  if (!evidence.classes || !type || !ts.isTypeReferenceNode(type)) return false;
  const typeName = type.typeName;
  const last = ts.isIdentifier(typeName) ? typeName : typeName.right;
  if (!evidence.classes.includes(last.text)) return false;
  const root = ts.isIdentifier(typeName) ? typeName : typeName.left;
  const module = ts.isIdentifier(root) ? facts.resolve(root)?.module : undefined;
  return module !== undefined && library.modules.includes(module);
}

/** Where a receiver is declared: a class member for `this.x`, a parameter or variable for `x`. */
function receiverDeclaration(receiver: ts.Expression, facts: FileFacts): Declaration | undefined {
  const node = skipOuter(receiver);
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === SyntaxKind.ThisKeyword) return classMember(node);
  if (!ts.isIdentifier(node)) return undefined;
  const declared = facts.declarationName(node)?.parent;
  return declared && (ts.isParameter(declared) || ts.isVariableDeclaration(declared) || ts.isPropertyDeclaration(declared)) ? declared : undefined;
}

/** `this.emails` → the class's `emails` property or constructor parameter property. */
function classMember(access: ts.PropertyAccessExpression): Declaration | undefined {
  let node: ts.Node | undefined = access.parent;
  while (node && !ts.isClassLike(node)) node = node.parent;
  if (!node) return undefined;
  const name = access.name.text;
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === name) return member;
    if (!ts.isConstructorDeclaration(member)) continue;
    const param = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, member));
    if (param) return param;
  }
  return undefined;
}
