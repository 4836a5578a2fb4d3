import { calleeName, calleeObject, enclosingFunction, field, namedChildren, numberValue, stringValue } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { dictEntries, keywordState } from '../../analysis/python/arguments.js';
import { PY_PUBLISHES } from '../../models/python.js';
import { publishRowOf } from '../../analysis/python/publishes.js';

/** `KafkaProducer(acks=0)`, confluent `Producer({"acks": 0})`: the acks setting's node when it is 0. */
function zeroAcks(call: PyNode, facts: PyFacts): PyNode | undefined {
  const name = facts.qualify(field(call, 'function'));
  const isZero = (value: PyNode | undefined) => numberValue(facts.valueOf(value), facts.text) === 0 || stringValue(facts.valueOf(value), facts.text) === '0';
  if (name === 'kafka.KafkaProducer' || name === 'aiokafka.AIOKafkaProducer') {
    const acks = keywordState(call, 'acks', facts);
    return acks.kind === 'present' && isZero(acks.value) ? acks.node : undefined;
  }
  if (name === 'confluent_kafka.Producer') {
    const config = namedChildren(field(call, 'arguments') ?? call)[0];
    const entry = dictEntries(facts.valueOf(config), facts)?.get('acks');
    return entry && isZero(entry.value) ? field(entry.key.parent!, 'key') ?? entry.key : undefined;
  }
  return undefined;
}

const MODULES = PY_PUBLISHES.flatMap((row) => row.modules);

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  if (!facts.importsAny(MODULES)) return;
  for (const call of facts.ofType('call')) {
    const acks = zeroAcks(call, facts);
    if (acks) {
      ctx.report({ node: acks, messageId: 'pyUnconfirmed', data: { value: '0' } });
      continue;
    }
    const method = calleeName(call, facts.text) ?? '';
    const receiver = calleeObject(call);
    const bare = call.parent?.type === 'expression_statement';
    const publish = `${facts.textOf(field(call, 'function')!)}()`;
    const row = publishRowOf(receiver, facts);
    if (row) {
      if ('coroutines' in row && row.coroutines?.includes(method)) {
        const inAsync = enclosingFunction(call) !== undefined && /^async\s/.test(facts.textOf(enclosingFunction(call)!));
        if (bare && inAsync) ctx.report({ node: call, messageId: 'pyNotAwaited', data: { publish } });
      } else if ('futures' in row && row.futures?.includes(method)) {
        if (bare) ctx.report({ node: call, messageId: 'pyFutureDropped', data: { publish } });
      } else if ('callbackRequired' in row && row.callbackRequired?.includes(method)) {
        if (!row.callbackKeywords.some((keyword) => keywordState(call, keyword, facts).kind !== 'missing')) ctx.report({ node: call, messageId: 'pyNoCallback', data: { publish } });
      }
    }
  }
}
