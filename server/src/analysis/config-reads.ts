import { ts } from '../engine/ts.js';
import { calleeName, dottedName, stringValue } from '../engine/ast.js';
import { skipOuter } from '../engine/facts.js';

/** `config.get('payments.url')`, `configService.get('X')`: a config key read by name. */
export function configKey(expr: ts.Expression): string | undefined {
  const node = skipOuter(expr);
  if (!ts.isCallExpression(node) || calleeName(node) !== 'get' || node.arguments.length < 1) return undefined;
  const receiver = ts.isPropertyAccessExpression(node.expression) ? dottedName(skipOuter(node.expression.expression)) : undefined;
  if (!receiver || !/config/i.test(receiver.split('.').pop() ?? '')) return undefined;
  return stringValue(node.arguments[0]);
}
