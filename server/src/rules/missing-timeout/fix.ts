/**
 * The quick fixes of missing-timeout: the row's own timeout written where the call shape takes
 * it (`models/http-clients.ts`, `timeout.fix`). A timeout turned off gets a bound in its place;
 * a missing one is added to the options (created when absent), or chained onto the request.
 */
import { ts } from '../../engine/ts.js';
import { getProperty } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import type { TextEdit } from '../../engine/types.js';
import { addProperty, indentAt, nextTokenStart, restOfLineEnd, startsLine } from '../../analysis/edits.js';
import { chainedCalls } from '../../analysis/http-clients.js';
import { timeoutProperty, timeoutValue, type HttpTimeoutModel } from '../../models/http-clients.js';

export interface FixContext {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  /** The timeout to write, as the messages print it (`10_000`). */
  ms: string;
  /** Whether a timeout value turns the timeout off (0, Infinity, false, ...). */
  isOff: (value: ts.Expression) => boolean;
}

const replace = (node: ts.Node, text: string, sourceFile: ts.SourceFile): TextEdit => ({ start: node.getStart(sourceFile), end: node.getEnd(), text });

/** The options object text a fix creates: `{ timeout: 10_000 }`. */
function newOptions(timeout: HttpTimeoutModel, context: FixContext): string | undefined {
  const option = timeout.fix.option;
  return option && `{ ${timeoutProperty(timeout.fix, option, context.ms)} }`;
}

/**
 * Bounds an options object literal: each option of the row it turns off gets a bound as its
 * value; with none turned off, the row's option is added.
 */
function boundObject(obj: ts.ObjectLiteralExpression, timeout: HttpTimeoutModel, context: FixContext): TextEdit[] | undefined {
  const { sourceFile, ms } = context;
  const replaced: TextEdit[] = [];
  for (const option of timeout.options) {
    const prop = getProperty(obj, option);
    if (prop && ts.isPropertyAssignment(prop) && context.isOff(prop.initializer)) {
      replaced.push(replace(prop.initializer, timeoutValue(timeout.fix, option, ms), sourceFile));
    } else if (prop && ts.isShorthandPropertyAssignment(prop) && context.isOff(prop.name)) {
      replaced.push(replace(prop, timeoutProperty(timeout.fix, option, ms), sourceFile));
    }
  }
  if (replaced.length > 0) return replaced;
  const option = timeout.fix.option;
  return option ? addProperty(obj, timeoutProperty(timeout.fix, option, ms), sourceFile) : undefined;
}

/**
 * Bounds the options a call takes at `index` (`options`, absent or not): edits the literal,
 * spreads a variable the file shows into a new literal that adds the option, or creates the
 * options (before a callback that takes their place, after the arguments otherwise).
 */
export function boundArgument(call: ts.CallExpression | ts.NewExpression, options: ts.Expression | undefined, index: number, timeout: HttpTimeoutModel, context: FixContext): TextEdit[] | undefined {
  const args = call.arguments;
  if (!args || args.some(ts.isSpreadElement)) return undefined;
  if (options) {
    const written = skipOuter(options);
    if (ts.isObjectLiteralExpression(written)) return boundObject(written, timeout, context);
    const value = context.facts.valueOf(written);
    const option = timeout.fix.option;
    const named = ts.isIdentifier(written) || ts.isPropertyAccessExpression(written);
    if (!named || !option || !value || !ts.isObjectLiteralExpression(value)) return undefined;
    return [replace(options, `{ ...${written.getText(context.sourceFile)}, ${timeoutProperty(timeout.fix, option, context.ms)} }`, context.sourceFile)];
  }
  const created = newOptions(timeout, context);
  if (!created || index < 0) return undefined;
  const taking = args[index];
  if (taking) return [{ start: taking.getStart(context.sourceFile), end: taking.getStart(context.sourceFile), text: `${created}, ` }];
  const fillers = 'undefined, '.repeat(index - args.length);
  const last = args[args.length - 1];
  if (!last) return [{ start: args.pos, end: args.pos, text: fillers + created }];
  return [{ start: last.end, end: last.end, text: `, ${fillers}${created}` }];
}

/**
 * Bounds a request by the method the row chains onto it (superagent `.timeout(ms)`): a call
 * turning it off gets the bound; otherwise the call is chained right after the request, on a
 * line of its own when the chain continues on the next line.
 */
export function chainTimeout(call: ts.CallExpression, method: string, context: FixContext): TextEdit[] {
  const { sourceFile, ms } = context;
  const turnedOff = chainedCalls(call).filter((link) => link.name === method && link.call.arguments.length > 0 && context.isOff(link.call.arguments[0]));
  if (turnedOff.length > 0) return turnedOff.map((link) => replace(link.call.arguments[0], ms, sourceFile));
  const text = sourceFile.text;
  const next = nextTokenStart(text, call.end);
  const continues = ts.isPropertyAccessExpression(call.parent) && call.parent.expression === call;
  const lineEnd = restOfLineEnd(text, call.end);
  if (continues && lineEnd !== undefined && startsLine(text, next)) {
    return [{ start: lineEnd, end: lineEnd, text: `\n${indentAt(text, next)}.${method}(${ms})` }];
  }
  return [{ start: call.end, end: call.end, text: `.${method}(${ms})` }];
}
