import { ts } from '../../engine/ts.js';
import { calleeName, dottedName, getProperty, isFunctionNode, lookupProperty } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { chainWords, commandName, hasDecorator, receiverOf } from '../../analysis/messaging.js';

const AWS_PUBLISH_COMMANDS = new Set(['SendMessageCommand', 'SendMessageBatchCommand', 'PublishCommand', 'PublishBatchCommand']);
const AWS_V2_PUBLISH_METHODS = new Set(['sendMessage', 'sendMessageBatch', 'publish', 'publishBatch']);
const BULLMQ_MODULES = new Set(['bullmq', 'bull', '@taskforcesh/bullmq-pro']);

function receiverWords(call: ts.CallExpression): string[] {
  return chainWords(receiverOf(call));
}

/** The options object of a KafkaJS `send` / `sendBatch`, when the call is one. */
function kafkaRecord(call: ts.CallExpression, facts: FileFacts): ts.Expression | undefined {
  const name = calleeName(call);
  if ((name !== 'send' && name !== 'sendBatch') || call.arguments.length !== 1) return undefined;
  const arg = call.arguments[0];
  const words = receiverWords(call);
  if (words.includes('producer') || words.includes('kafka')) return arg;
  const value = facts.valueOf(arg);
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  if (name === 'send' && getProperty(value, 'messages') && getProperty(value, 'topic')) return arg;
  return name === 'sendBatch' && getProperty(value, 'topicMessages') ? arg : undefined;
}

function isPubSubTopic(receiver: ts.Expression, facts: FileFacts): boolean {
  const value = facts.valueOf(receiver) ?? skipOuter(receiver);
  if (ts.isCallExpression(value) && calleeName(value) === 'topic') return true;
  const words = chainWords(receiver);
  return words[words.length - 1] === 'topic';
}

function isJetStream(receiver: ts.Expression, facts: FileFacts): boolean {
  const words = chainWords(receiver);
  if (words.includes('js') || words.includes('jetstream')) return true;
  let value = facts.valueOf(receiver);
  if (value && ts.isAwaitExpression(value)) value = skipOuter(value.expression);
  return !!value && ts.isCallExpression(value) && calleeName(value) === 'jetstream';
}

type Declaration = ts.ParameterDeclaration | ts.PropertyDeclaration | ts.VariableDeclaration;

/** `this.emails` → the class's `emails` property or constructor parameter property. */
function memberDeclaration(access: ts.PropertyAccessExpression): Declaration | undefined {
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

/** Where a receiver is declared: a class member for `this.x`, a parameter or variable for `x`. */
function receiverDeclaration(receiver: ts.Expression, facts: FileFacts): Declaration | undefined {
  const node = skipOuter(receiver);
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return memberDeclaration(node);
  if (!ts.isIdentifier(node)) return undefined;
  const declared = facts.declarationName(node)?.parent;
  return declared && (ts.isParameter(declared) || ts.isVariableDeclaration(declared) || ts.isPropertyDeclaration(declared)) ? declared : undefined;
}

/** `@InjectQueue('emails') private readonly emails: Queue`, `queue: Queue` with `Queue` from bullmq. */
function isDeclaredBullQueue(receiver: ts.Expression, facts: FileFacts): boolean {
  const declaration = receiverDeclaration(receiver, facts);
  if (!declaration) return false;
  if (!ts.isVariableDeclaration(declaration) && hasDecorator(declaration, 'InjectQueue')) return true;
  const type = declaration.type;
  if (!type || !ts.isTypeReferenceNode(type)) return false;
  const typeName = type.typeName;
  const last = ts.isIdentifier(typeName) ? typeName : typeName.right;
  if (last.text !== 'Queue') return false;
  const root = ts.isIdentifier(typeName) ? typeName : typeName.left;
  const module = ts.isIdentifier(root) ? facts.resolve(root)?.module : undefined;
  return module !== undefined && BULLMQ_MODULES.has(module);
}

function isBullQueue(call: ts.CallExpression, receiver: ts.Expression, facts: FileFacts): boolean {
  if (isDeclaredBullQueue(receiver, facts)) return !isFunctionNode(call.arguments[0] && skipOuter(call.arguments[0]));
  const value = facts.valueOf(receiver);
  if (value && ts.isNewExpression(value) && dottedName(value.expression)?.split('.').pop() === 'Queue') {
    const module = facts.resolve(value.expression)?.module;
    return module === undefined || BULLMQ_MODULES.has(module);
  }
  const words = chainWords(receiver);
  if (!words.includes('queue') || words.includes('set') || words.includes('list')) return false;
  const first = call.arguments[0] && skipOuter(call.arguments[0]);
  if (!first || isFunctionNode(first)) return false;
  if (calleeName(call) === 'addBulk') return true;
  // BullMQ's `add(name, data, opts?)` takes no callback and names the job with a string;
  // in-process queues (`sendQueue.add(buffer, done)`, `queue.add(handler, ...)`) do not.
  if (call.arguments.length < 2 || call.arguments.some((arg) => isFunctionNode(skipOuter(arg)))) return false;
  return [...facts.importedModules].some((module) => BULLMQ_MODULES.has(module)) || mayBeJobName(first, facts);
}

/** A string, or a value the file cannot show: not a value known to be something else. */
function mayBeJobName(expr: ts.Expression, facts: FileFacts): boolean {
  if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr)) return true;
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return false;
  const value = facts.valueOf(expr);
  return !value || value === expr || ts.isStringLiteralLike(skipOuter(value)) || ts.isTemplateExpression(skipOuter(value));
}

/** The publish this call makes, labelled for the message; undefined when it is not a publish. */
function publishLabel(call: ts.CallExpression, facts: FileFacts): string | undefined {
  const name = calleeName(call);
  const receiver = receiverOf(call);
  if (!name || !receiver) return undefined;
  const target = dottedName(call.expression) ?? name;
  switch (name) {
    case 'send': {
      const command = commandName(call.arguments[0], facts);
      if (command && AWS_PUBLISH_COMMANDS.has(command)) return `${target}(new ${command}(...))`;
      return kafkaRecord(call, facts) ? target : undefined;
    }
    case 'sendBatch':
      return kafkaRecord(call, facts) ? target : undefined;
    case 'promise': {
      const inner = skipOuter(receiver);
      return ts.isCallExpression(inner) && AWS_V2_PUBLISH_METHODS.has(calleeName(inner) ?? '') && receiverOf(inner) ? `${dottedName(inner.expression)}(...).promise()` : undefined;
    }
    case 'publishMessage':
      return target;
    case 'publish':
      return isPubSubTopic(receiver, facts) || isJetStream(receiver, facts) ? target : undefined;
    case 'add':
    case 'addBulk':
      return isBullQueue(call, receiver, facts) ? target : undefined;
    default:
      return undefined;
  }
}

/** The call's promise is dropped: a bare statement, `void`, or a branch of one. */
function isFloating(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isVoidExpression(parent)) {
      node = parent;
    } else if (ts.isBinaryExpression(parent) && isDiscardingOperator(parent, node)) {
      node = parent;
    } else if (ts.isConditionalExpression(parent) && parent.condition !== node) {
      node = parent;
    } else {
      return ts.isExpressionStatement(parent);
    }
  }
}

function isDiscardingOperator(binary: ts.BinaryExpression, operand: ts.Node): boolean {
  const kind = binary.operatorToken.kind;
  if (kind === ts.SyntaxKind.CommaToken) return true;
  const shortCircuit = kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
  return shortCircuit && binary.right === operand;
}

/** KafkaJS `acks: 0`: the broker never confirms the write. */
function zeroAcks(call: ts.CallExpression, facts: FileFacts): ts.Node | undefined {
  const record = kafkaRecord(call, facts);
  if (!record) return undefined;
  const lookup = lookupProperty(record, 'acks', facts);
  if (lookup.kind !== 'present' || !lookup.value) return undefined;
  const value = facts.valueOf(lookup.value);
  return value && ts.isNumericLiteral(value) && Number(value.text) === 0 ? lookup.prop : undefined;
}

export const rule = defineRule({
  meta: {
    id: 'unawaited-publish',
    defaultSeverity: 'warning',
    description: 'A message is published and nothing waits for the broker to confirm it.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts } = ctx.file;
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const acks = zeroAcks(call, facts);
          if (acks) {
            ctx.report({
              node: acks,
              message: '`acks: 0` tells Kafka not to acknowledge the write: a message the broker drops is lost without an error. Leave `acks` at its default (-1, all in-sync replicas).',
            });
          }
          const label = publishLabel(call, facts);
          if (!label || !isFloating(call)) return;
          ctx.report({
            node: call,
            message: `${label} is not awaited: if the broker rejects the message the failure is lost (an unhandled rejection at best). Await or return the promise, or attach a \`.catch\` that handles the failure.`,
          });
        },
      },
    };
  },
});
