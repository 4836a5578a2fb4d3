import { calleeName, calleeObject, dottedText, field } from '../../engine/python/ast.js';
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
  const written = dottedText(receiver, facts.text);
  if (written && LOGGERS.receivers.test(written)) return true;
  if (qualified?.startsWith('loguru.logger.')) return true;
  const made = facts.instanceOf(receiver)?.name;
  return made === 'logging.getLogger' || made === 'structlog.get_logger' || made === 'structlog.getLogger';
}
