import { calleeName, calleeObject, dottedText, field, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import { PY_LOGGERS } from '../../models/python.js';

const LOGGERS = PY_LOGGERS[0];

/** True when a call writes to a log: `logging.info`, a logger's method, `print`. */
export function isPyLogCall(call: PyNode, facts: PyFacts): boolean {
  const qualified = facts.qualify(field(call, 'function'));
  if (qualified && LOGGERS.functions.includes(qualified)) return true;
  const method = calleeName(call, facts.text);
  const receiver = calleeObject(call);
  if (!method || !receiver || !LOGGERS.methods.includes(method)) return false;
  return isPyLogger(receiver, facts);
}

/**
 * A logger: a logger-named receiver, a module's logger object (loguru's), one a factory made, or
 * one derived from a logger, bound to a name (`bound = log.bind(flow="revoke")`) or chained
 * (`loguru_logger.bind(user=uid).debug(...)`).
 */
function isPyLogger(receiver: PyNode, facts: PyFacts, depth = 0): boolean {
  const written = dottedText(receiver, facts.text);
  if (written && LOGGERS.receivers.test(written)) return true;
  if (LOGGERS.instances.includes(facts.qualify(receiver) ?? '')) return true;
  if (LOGGERS.factories.includes(facts.instanceOf(receiver)?.name ?? '')) return true;
  const value = unwrap(receiver.type === 'call' ? receiver : facts.valueOf(receiver));
  if (depth >= 4 || value?.type !== 'call' || !LOGGERS.derived.includes(calleeName(value, facts.text) ?? '')) return false;
  const source = calleeObject(value);
  return source !== undefined && isPyLogger(source, facts, depth + 1);
}
