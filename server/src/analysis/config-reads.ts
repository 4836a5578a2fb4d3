import { ts } from '../engine/ts.js';
import { calleeName, dottedName, stringValue } from '../engine/ast.js';
import { GLOBAL, skipOuter, type FileFacts } from '../engine/facts.js';
import { CONFIG_SOURCES, type ConfigSource } from '../models/config-sources.js';

/** `config.get('payments.url')`, `configService.get('X')`: a config key read by name. */
export function configKey(expr: ts.Expression): string | undefined {
  const node = skipOuter(expr);
  if (!ts.isCallExpression(node) || calleeName(node) !== 'get' || node.arguments.length < 1) return undefined;
  const receiver = ts.isPropertyAccessExpression(node.expression) ? dottedName(skipOuter(node.expression.expression)) : undefined;
  if (!receiver || !/config/i.test(receiver.split('.').pop() ?? '')) return undefined;
  return stringValue(node.arguments[0]);
}

/** The file imports the source's module (or a subpath: `hono/factory`), or the source needs no import. */
function sourceAvailable(source: ConfigSource, facts: FileFacts): boolean {
  return source.modules.some((module) => module === GLOBAL || [...facts.importedModules].some((imported) => imported === module || imported.startsWith(`${module}/`)));
}

/** `useRuntimeConfig(event)`, unimported (an auto-import) or from its module. */
function isReaderCall(node: ts.Expression, facts: FileFacts): boolean {
  if (!ts.isCallExpression(node)) return false;
  const name = calleeName(node) ?? '';
  const ref = facts.resolve(node.expression);
  return CONFIG_SOURCES.some((source) => source.readers?.includes(name) && (ref === undefined ? source.modules.includes(GLOBAL) : ref.module === GLOBAL || source.modules.includes(ref.module)));
}

/** `env` of `export default { async fetch(request, env, ctx) { … } }`: a module Worker's bindings. */
function isBindingsParameter(id: ts.Identifier, facts: FileFacts): boolean {
  const parameter = facts.declarationName(id)?.parent;
  if (!parameter || !ts.isParameter(parameter) || !ts.isMethodDeclaration(parameter.parent) || !ts.isIdentifier(parameter.parent.name)) return false;
  const method = parameter.parent;
  let holder: ts.Node = method.parent;
  if (!ts.isObjectLiteralExpression(holder)) return false;
  while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isSatisfiesExpression(holder.parent)) holder = holder.parent;
  if (!ts.isExportAssignment(holder.parent)) return false;
  const index = method.parameters.indexOf(parameter);
  const name = (method.name as ts.Identifier).text;
  return CONFIG_SOURCES.some((source) => source.bindingsParameter === index && source.handlers?.includes(name) && sourceAvailable(source, facts));
}

/**
 * An object holding the application's configuration, as a platform hands it over: the result of
 * `useRuntimeConfig(event)` (or a const bound to it), Hono's `c.env`, a module Worker's `env`.
 */
export function isConfigurationObject(expr: ts.Expression, facts: FileFacts): boolean {
  const node = skipOuter(expr);
  if (ts.isIdentifier(node)) {
    const value = facts.valueOf(node);
    return (value !== undefined && value !== node && isReaderCall(value, facts)) || isBindingsParameter(node, facts);
  }
  if (isReaderCall(node, facts)) return true;
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(skipOuter(node.expression))
    && CONFIG_SOURCES.some((source) => source.contextProperty === node.name.text && sourceAvailable(source, facts));
}

/** A value read out of a configuration object: `config.public.previewSecret`, `c.env.ADMIN_API_KEY`, `env.A`. */
export function readsConfigurationObject(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  const node = skipOuter(expr);
  if (depth > 8 || (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node))) return false;
  const base = skipOuter(node.expression);
  return isConfigurationObject(base, facts) || readsConfigurationObject(base, facts, depth + 1);
}
