import { ts } from '../../engine/ts.js';
import { lookupProperty } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { requestName } from '../../analysis/network-calls.js';
import { numericValue, retryConfigCall, type RetryConfigCall } from '../../analysis/retry-options.js';
import { retryLoops, type RetryLoop } from '../../analysis/retry-loops.js';

const ADVICE = 'Wait longer after each failure (exponential backoff, e.g. `base * 2 ** attempt`, capped) and add random jitter so clients do not retry in lockstep.';

function loopMessage(loop: RetryLoop): string | undefined {
  const what = loop.kind === 'recursion' ? 'This retrying function' : 'This retry loop';
  const call = requestName(loop.requests[0]);
  if (loop.backoff.kind === 'none') {
    return `${what} sends ${call} again with no wait: a struggling service is hit again at once, in a burst, which keeps it down. ${ADVICE}`;
  }
  if (loop.backoff.kind === 'fixed') {
    return `${what} waits the same \`${loop.backoff.wait.getText()}\` before sending ${call} again: a fixed wait keeps the pressure on a struggling service. ${ADVICE}`;
  }
  return undefined;
}

/** A `retryDelay` function that ignores the retry count and the error and returns a constant. */
function isConstantDelayFunction(expr: ts.Expression, facts: FileFacts): boolean {
  const value = facts.valueOf(expr) ?? skipOuter(expr);
  let fn: ts.Node | undefined = value;
  if (ts.isIdentifier(value)) {
    const declared = facts.declarationName(value);
    fn = declared && ts.isFunctionDeclaration(declared.parent) ? declared.parent : undefined;
  }
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) || !fn.body) return false;
  const params = new Set<string>();
  for (const param of fn.parameters) if (ts.isIdentifier(param.name)) params.add(param.name.text);
  if (fn.parameters.some((param) => !ts.isIdentifier(param.name))) return false;
  let constant = true;
  const visit = (node: ts.Node): void => {
    if (!constant) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node)) constant = false;
    else if (ts.isIdentifier(node) && params.has(node.text) && !ts.isParameter(node.parent)) constant = false;
    else ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return constant;
}

function checkAxiosRetry(config: RetryConfigCall, facts: FileFacts, report: (node: ts.Node, message: string) => void): void {
  const retries = lookupProperty(config.config, 'retries', facts);
  if (retries.kind === 'present' && numericValue(retries.value, facts) === 0) return;
  const delay = lookupProperty(config.config, 'retryDelay', facts);
  if (delay.kind === 'missing') {
    report(config.call, `axiosRetry is configured without \`retryDelay\`: its default retries at once, with no wait, hammering a service that is already failing. Pass \`retryDelay: axiosRetry.exponentialDelay\` (it adds jitter).`);
  } else if (delay.kind === 'present' && delay.value && isConstantDelayFunction(delay.value, facts)) {
    report(delay.prop, `axiosRetry's \`retryDelay\` returns the same delay for every retry: a fixed wait keeps the pressure on a struggling service. Use \`axiosRetry.exponentialDelay\`, or compute the delay from the retry count with jitter.`);
  }
}

/** p-retry / async-retry back off by default (factor 2, minTimeout 1 s); some options undo that. */
function checkRetryHelper(config: RetryConfigCall, facts: FileFacts, report: (node: ts.Node, message: string) => void): void {
  const option = (name: string) => {
    const found = lookupProperty(config.config, name, facts);
    return found.kind === 'present' ? { prop: found.prop, value: numericValue(found.value, facts) } : undefined;
  };
  const retries = option('retries');
  if (retries?.value === 0) return;
  const factor = option('factor');
  const min = option('minTimeout');
  const max = option('maxTimeout');
  const name = config.library;
  if (min?.value === 0 || max?.value === 0) {
    const prop = min?.value === 0 ? min.prop : max!.prop;
    report(prop, `${name} is configured to wait 0 ms between attempts: every retry fires at once at a service that is already failing. ${ADVICE}`);
  } else if (factor?.value !== undefined && factor.value <= 1) {
    report(factor.prop, `${name} is configured with \`factor: ${factor.value}\`: every retry waits the same minTimeout, so the pressure on a struggling service never eases. Keep the default factor of 2 (or more) and \`randomize: true\` for jitter.`);
  } else if (min?.value !== undefined && max?.value !== undefined && min.value === max.value) {
    report(max.prop, `${name} is configured with \`minTimeout\` equal to \`maxTimeout\`: every retry waits the same ${min.value} ms, so the pressure on a struggling service never eases. Let the wait grow (raise maxTimeout) and use \`randomize: true\` for jitter.`);
  }
}

export const rule = defineRule({
  meta: {
    id: 'retry-without-backoff',
    defaultSeverity: 'warning',
    description: 'A failed network call is retried with no wait, or with the same fixed wait every time.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts } = ctx.file;
    const report = (node: ts.Node, message: string): void => ctx.report({ node, message });
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const config = retryConfigCall(node as ts.CallExpression, facts);
          if (!config) return;
          if (config.library === 'axios-retry') checkAxiosRetry(config, facts, report);
          else checkRetryHelper(config, facts, report);
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          if (loop.kind === 'callback') continue;
          const message = loopMessage(loop);
          if (message) report(loop.node, message);
        }
      },
    };
  },
});
