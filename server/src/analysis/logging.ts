/**
 * Recognition of log calls: `console.*`, and the level methods (from `models/loggers.ts`)
 * of a logger (`log`, `logger`, `this.logger`, `req.log`, `reply.log`, `fastify.log`,
 * `auditLogger`, a `logger.child(...)`, the winston default logger).
 */
import { ts } from '../engine/ts.js';
import { dottedName } from '../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../engine/facts.js';
import { splitWords } from '../secrets/words.js';
import { LOGGER_LIBRARIES } from '../models/loggers.js';

/** Global logger objects (`console`) by path, each with its own methods. */
const GLOBAL_LOGGERS = LOGGER_LIBRARIES.flatMap(({ instance, levels }) => (typeof instance === 'object' ? [{ path: instance.global, levels: new Set(levels) }] : []));
/** Every library logger's level methods: a logger found by name may be any of them. */
const LEVEL_METHODS = new Set(LOGGER_LIBRARIES.flatMap(({ instance, levels }) => (typeof instance === 'object' ? [] : levels)));
/** Modules whose export is itself a logger. */
const LOGGER_MODULES = new Set(LOGGER_LIBRARIES.flatMap(({ instance, modules }) => (instance === 'module export' ? modules : [])));

const LOGGER_WORDS = new Set(['log', 'logger', 'logging', 'logs']);

/** `../logger`, `@/lib/log.js`, `./logging/index`: a module whose file or folder name says it is the app's logger. */
function isLoggerModulePath(module: string): boolean {
  const segments = module.replace(/\.[cm]?[jt]s$/, '').split('/').filter((segment) => segment !== 'index');
  const last = segments[segments.length - 1] ?? '';
  const words = splitWords(last);
  return (module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/')) && LOGGER_WORDS.has(words[words.length - 1] ?? '');
}

/** A receiver that names a logger: `log`, `logger`, `this.logger`, `request.log`, `paymentLogger`. */
function isLoggerReceiver(expr: ts.Expression, facts: FileFacts): boolean {
  const node = skipOuter(expr);
  const ref = facts.resolve(node);
  if (ref && LOGGER_MODULES.has(ref.module) && ref.path.length === 0) return true;
  // `const audit = require('../logger')`, `import * as log4 from '../rules/support/logger'`: the app's own logger module.
  if (ref && ref.path.length <= 1 && isLoggerModulePath(ref.module) && (ref.path.length === 0 || ['default', 'logger', 'log'].includes(ref.path[0]))) return true;
  if (ts.isCallExpression(node)) {
    // `logger.child({ requestId })` is a logger too.
    const callee = skipOuter(node.expression);
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'child' && isLoggerReceiver(callee.expression, facts);
  }
  let last: string | undefined;
  if (ts.isIdentifier(node)) last = node.text;
  else if (ts.isPropertyAccessExpression(node)) last = node.name.text;
  if (!last) return false;
  if (last === 'log' || last === 'logger' || last === 'LOG' || last === 'LOGGER') return true;
  const words = splitWords(last);
  return words[words.length - 1] === 'logger';
}

/** True for `console.log(...)`, `logger.info(...)`, `this.logger.error(...)`, `request.log.warn(...)`. */
export function isLogCall(call: ts.CallExpression, facts: FileFacts): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  const ref = facts.resolve(callee.expression);
  const global = ref?.module === GLOBAL && ref.path.length === 1 ? GLOBAL_LOGGERS.find((logger) => logger.path === ref.path[0]) : undefined;
  if (global) return global.levels.has(method);
  return LEVEL_METHODS.has(method) && isLoggerReceiver(callee.expression, facts);
}

/** How a message names the log call: `console.log`, `this.logger.info`. */
export function logCallName(call: ts.CallExpression): string {
  const name = dottedName(call.expression);
  if (name) return name;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) ? `….${callee.name.text}` : 'this log call';
}

/** True when a node sits inside the arguments of a log call. */
export function isInsideLogCall(node: ts.Node, facts: FileFacts, stop: ts.Node): boolean {
  let current: ts.Node | undefined = node.parent;
  while (current && current !== stop && !ts.isStatement(current)) {
    if (ts.isCallExpression(current) && current.expression !== node && isLogCall(current, facts)) return true;
    current = current.parent;
  }
  return false;
}
