import { SyntaxKind, ts } from '../../engine/ts.js';
import { forEachNode, lookupProperty, propertyName } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import type { Report } from '../../engine/types.js';
import type { AttemptHook, RetryDelayModel } from '../../models/retry-libraries.js';
import { requestName } from '../../analysis/network-calls.js';
import { numericValue, retryConfigCall, type RetryConfigCall } from '../../analysis/retry/options.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { growsWithAttempt, waitCalls, waitOf } from '../../analysis/retry/waits.js';
import { constantDelayFix, exponentialDelayFix, loopBackoffFix, missingDelayFix } from './fixes.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

type Reporter = (report: Report) => void;

type OptionFunction = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

/** The function an option's value is: written there, or a const or function declaration it names. */
function optionFunction(expr: ts.Expression, facts: FileFacts): OptionFunction | undefined {
  const value = facts.valueOf(expr) ?? skipOuter(expr);
  let fn: ts.Node | undefined = value;
  if (ts.isIdentifier(value)) {
    const declared = facts.declarationName(value);
    fn = declared && ts.isFunctionDeclaration(declared.parent) ? declared.parent : undefined;
  }
  return fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) ? fn : undefined;
}

/** A delay function that ignores its arguments (the retry count, the error) and returns a constant. */
function isConstantDelayFunction(expr: ts.Expression, facts: FileFacts): boolean {
  const fn = optionFunction(expr, facts);
  if (!fn?.body) return false;
  const params = new Set<string>();
  for (const param of fn.parameters) if (ts.isIdentifier(param.name)) params.add(param.name.text);
  if (fn.parameters.some((param) => !ts.isIdentifier(param.name))) return false;
  let constant = true;
  forEachNode(fn.body, (node) => {
    if (!constant) return false;
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node)) constant = false;
    else if (ts.isIdentifier(node) && params.has(node.text) && !ts.isParameter(node.parent)) constant = false;
    return constant;
  });
  return constant;
}

/** A library whose wait is a function option: missing (when it then does not wait) or constant. */
function checkDelayFunction(config: RetryConfigCall, delayModel: Extract<RetryDelayModel, { kind: 'function' }>, facts: FileFacts, report: Reporter): void {
  const { library } = config;
  const retries = lookupProperty(config.config, library.limitOption, facts);
  if (retries.kind === 'present' && numericValue(retries.value, facts) === 0) return;
  const delay = lookupProperty(config.config, delayModel.option, facts);
  const data = { library: library.name, option: delayModel.option, growingDelay: delayModel.growingDelay };
  if (delay.kind === 'missing' && !delayModel.waitsByDefault) {
    report({ node: config.call, messageId: 'noDelayOption', data, fix: missingDelayFix(config, delayModel, facts) });
  } else if (delay.kind === 'present' && delay.value && isConstantDelayFunction(delay.value, facts)) {
    report({ node: delay.prop, messageId: 'constantDelayFunction', data, fix: constantDelayFix(config, delayModel, delay.prop, delay.value, facts) });
  }
}

/** The names the hook's first parameter gives the attempt number: `error.attemptNumber`, or `attemptNumber` destructured. */
function attemptNames(fn: OptionFunction, hook: AttemptHook): Set<string> {
  const names = new Set<string>();
  const param = fn.parameters[0]?.name;
  if (param && ts.isIdentifier(param)) names.add(`${param.text}.${hook.attemptProperty}`);
  else if (param && ts.isObjectBindingPattern(param)) {
    for (const element of param.elements) {
      const key = propertyName(element.propertyName ?? element.name);
      if (key === hook.attemptProperty && ts.isIdentifier(element.name)) names.add(element.name.text);
    }
  }
  return names;
}

/** The library awaits a hook between attempts (p-retry's `onFailedAttempt`) that itself waits longer each attempt. */
function hookBacksOff(config: RetryConfigCall, facts: FileFacts): boolean {
  const hook = config.library.attemptHook;
  if (!hook) return false;
  const found = lookupProperty(config.config, hook.option, facts);
  const fn = found.kind === 'present' && found.value ? optionFunction(found.value, facts) : undefined;
  if (!fn?.body) return false;
  const names = attemptNames(fn, hook);
  return waitCalls(fn.body, facts).some((call) => growsWithAttempt(waitOf(call, facts)!, names, facts, fn));
}

/** Exponential timeouts back off by default; a zero timeout, a factor of 1 or equal bounds undo that. */
function checkExponentialDelay(config: RetryConfigCall, delayModel: Extract<RetryDelayModel, { kind: 'exponential' }>, facts: FileFacts, report: Reporter): void {
  const option = (name: string) => {
    const found = lookupProperty(config.config, name, facts);
    return found.kind === 'present' ? { prop: found.prop, value: numericValue(found.value, facts) } : undefined;
  };
  const retries = option(config.library.limitOption);
  if (retries?.value === 0 || hookBacksOff(config, facts)) return;
  const factor = option(delayModel.factorOption);
  const min = option(delayModel.minTimeoutOption);
  const max = option(delayModel.maxTimeoutOption);
  const library = config.library.name;
  const fix = exponentialDelayFix(config, delayModel, { factor, min, max }, facts);
  if (min?.value === 0 || max?.value === 0) {
    const prop = min?.value === 0 ? min.prop : max!.prop;
    report({ node: prop, messageId: 'zeroTimeout', data: { library }, fix });
  } else if (factor?.value !== undefined && factor.value <= 1) {
    report({
      node: factor.prop,
      messageId: 'flatFactor',
      data: { library, factorOption: delayModel.factorOption, factor: factor.value, minTimeoutOption: delayModel.minTimeoutOption, defaultFactor: delayModel.defaultFactor, jitterOption: delayModel.jitterOption },
      fix,
    });
  } else if (min?.value !== undefined && max?.value !== undefined && min.value === max.value) {
    report({
      node: max.prop,
      messageId: 'equalTimeouts',
      data: { library, minTimeoutOption: delayModel.minTimeoutOption, maxTimeoutOption: delayModel.maxTimeoutOption, wait: min.value, jitterOption: delayModel.jitterOption },
      fix,
    });
  }
}

export const rule = defineRule({
  meta,
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    return {
      on: {
        [SyntaxKind.CallExpression]: (node) => {
          const config = retryConfigCall(node as ts.CallExpression, facts);
          if (!config) return;
          const { delay } = config.library;
          if (delay.kind === 'function') checkDelayFunction(config, delay, facts, ctx.report);
          else checkExponentialDelay(config, delay, facts, ctx.report);
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          if (loop.kind === 'callback' || loop.backoff.kind === 'growing') continue;
          const what = loop.kind === 'recursion' ? 'This function' : 'This loop';
          const request = requestName(loop.requests[0]);
          const fix = loopBackoffFix(loop, facts);
          if (loop.backoff.kind === 'none') ctx.report({ node: loop.node, messageId: 'noWait', data: { what, request }, fix });
          else ctx.report({ node: loop.node, messageId: 'fixedWait', data: { what, request, wait: loop.backoff.wait.getText() }, fix });
        }
      },
    };
  },
});
