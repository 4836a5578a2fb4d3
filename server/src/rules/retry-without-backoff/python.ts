import { ancestor, callArguments, calleeName, enclosingFunction, field, forEachDescendant, isKeywordTrue, namedChildren, numberValue, unwrap } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { keywordState } from '../../analysis/python/arguments.js';
import { decoratorCalls, isCeleryTask, isConstantDelay, pyRetryLoops } from '../../analysis/python/retry.js';
import { PY_BACKOFF, PY_CELERY, PY_RETRY_POLICIES, PY_TENACITY } from '../../models/python.js';

const [TENACITY] = PY_TENACITY;
const [BACKOFF] = PY_BACKOFF;
const POLICIES = PY_RETRY_POLICIES[0];
const TIME_LIMIT_ERRORS = PY_CELERY.flatMap((row) => row.timeLimitErrors);

/**
 * `autoretry_for=(SoftTimeLimitExceeded,)`: a task that retries only on its own time limit resumes
 * its work; no failed call to another service is retried, so there is nothing to back off from.
 */
function retriesOnlyOwnTimeLimit(autoretryFor: PyNode | undefined, facts: PyFacts): boolean {
  const errors = unwrap(facts.valueOf(field(autoretryFor, 'value')));
  const listed = errors?.type === 'tuple' || errors?.type === 'list' ? namedChildren(errors) : errors ? [errors] : [];
  return listed.length > 0 && listed.every((error) => TIME_LIMIT_ERRORS.includes(facts.qualify(error) ?? ''));
}

/** tenacity's `wait=`: missing, never growing (`wait_fixed`, `wait_none`, a sum of them) with its value, or fine. */
function tenacityWait(call: PyNode | undefined, facts: PyFacts): { kind: 'missing' | 'ok' } | { kind: 'constant'; value: PyNode } {
  if (!call) return { kind: 'missing' };
  const state = keywordState(call, 'wait', facts);
  if (state.kind !== 'present') return { kind: state.kind === 'missing' ? 'missing' : 'ok' };
  const waits: PyNode[] = [];
  forEachDescendant(state.value, (node) => {
    if (node.type !== 'call') return true;
    waits.push(node);
    return false;
  });
  const constant = waits.length > 0 && waits.every((wait) => TENACITY.constantWaits.includes(facts.qualify(field(wait, 'function')) ?? ''));
  return constant ? { kind: 'constant', value: state.value } : { kind: 'ok' };
}

export function checkPython(ctx: PythonContext): void {
  const { facts } = ctx.file;
  // Hand-written loops.
  for (const retry of pyRetryLoops(facts)) {
    const request = facts.textOf(field(retry.request, 'function')!);
    const what = retry.loop.type === 'while_statement' ? 'This while loop' : 'This for loop';
    if (retry.sleeps.length === 0) ctx.report({ node: retry.loop, messageId: 'noWait', data: { what, request } });
    else if (retry.sleeps.every((sleep) => isConstantDelay(sleep, retry.loop, facts))) {
      const wait = facts.textOf(retry.sleeps[0]);
      ctx.report({ node: retry.loop, messageId: 'fixedWait', data: { what, request, wait } });
    }
  }
  const reportTenacity = (node: PyNode, call: PyNode | undefined, library: string) => {
    const wait = tenacityWait(call, facts);
    if (wait.kind === 'missing') ctx.report({ node, messageId: 'pyNoWaitOption', data: { library, option: 'wait', growingDelay: 'wait_random_exponential(multiplier=1, max=30)' } });
    if (wait.kind === 'constant') ctx.report({ node, messageId: 'pyConstantWait', data: { library, wait: facts.textOf(wait.value), growingDelay: 'wait=wait_random_exponential(multiplier=1, max=30)' } });
  };
  // Decorators: tenacity, backoff, Celery.
  for (const definition of facts.ofType('function_definition')) {
    for (const { decorator, name, call } of decoratorCalls(definition, facts)) {
      if (name === 'tenacity.retry') reportTenacity(decorator, call, 'tenacity @retry');
      else if (BACKOFF.decorators.includes(name) && call) {
        const generator = callArguments(call, facts.text).positional[0];
        if (generator && BACKOFF.constantWaits.includes(facts.qualify(generator) ?? '')) ctx.report({ node: decorator, messageId: 'pyConstantWait', data: { library: 'backoff', wait: facts.textOf(generator), growingDelay: 'backoff.expo' } });
      } else if (call && isCeleryTask(name, call, facts)) {
        const args = callArguments(call, facts.text);
        if (args.keywords.has('autoretry_for') && !retriesOnlyOwnTimeLimit(args.keywords.get('autoretry_for'), facts) && !isKeywordTrue(facts.valueOf(field(args.keywords.get('retry_backoff'), 'value'))) && !growingBackoff(args.keywords.get('retry_backoff'), facts)) {
          ctx.report({ node: decorator, messageId: 'pyNoWaitOption', data: { library: 'This Celery task (autoretry_for)', option: 'retry_backoff', growingDelay: 'True' } });
        }
      }
    }
  }
  for (const call of facts.ofType('call')) {
    const name = facts.qualify(field(call, 'function')) ?? '';
    if (TENACITY.controllers.includes(name)) reportTenacity(call, call, `tenacity ${name.split('.').pop()}(...)`);
    else if (POLICIES.retry.includes(name)) {
      // urllib3 Retry: backoff_factor defaults to 0, no wait.
      const factor = keywordState(call, 'backoff_factor', facts);
      if (factor.kind === 'missing' || (factor.kind === 'present' && numberValue(facts.valueOf(factor.value), facts.text) === 0)) {
        ctx.report({ node: call, messageId: 'pyNoWaitOption', data: { library: 'urllib3 Retry', option: 'backoff_factor', growingDelay: '0.5' } });
      }
    } else if (POLICIES.adapter.includes(name)) {
      const retries = keywordState(call, 'max_retries', facts);
      const count = retries.kind === 'present' ? numberValue(facts.valueOf(retries.value), facts.text) : undefined;
      if (count !== undefined && count > 0) ctx.report({ node: call, messageId: 'pyNoWaitOption', data: { library: `HTTPAdapter(max_retries=${count})`, option: 'max_retries=Retry(..., backoff_factor=...)', growingDelay: `Retry(total=${count}, backoff_factor=0.5)` } });
    } else if (calleeName(call, facts.text) === 'retry' && facts.textOf(field(call, 'function')!) === 'self.retry' && inCeleryTask(call, facts) && inExcept(call)) {
      // self.retry(countdown=60) inside a task's except: the same wait every time. Outside one no
      // call failed (a row not there yet): a fixed wait is polling, not hammering (Python appendix).
      const countdown = keywordState(call, 'countdown', facts);
      if (countdown.kind === 'present' && numberValue(facts.valueOf(countdown.value), facts.text) !== undefined) {
        ctx.report({ node: call, messageId: 'pyConstantWait', data: { library: 'self.retry', wait: facts.textOf(countdown.node), growingDelay: 'countdown=2 ** self.request.retries' } });
      }
    }
  }
}

/** True when a call runs in an `except` clause of its own function. */
function inExcept(call: PyNode): boolean {
  const handler = ancestor(call, 'except_clause');
  return handler !== undefined && enclosingFunction(handler) === enclosingFunction(call);
}

function growingBackoff(keyword: PyNode | undefined, facts: PyFacts): boolean {
  const value = keyword && facts.valueOf(field(keyword, 'value'));
  const seconds = value ? numberValue(value, facts.text) : undefined;
  return seconds !== undefined && seconds > 0;
}

function inCeleryTask(call: PyNode, facts: PyFacts): boolean {
  const definition = enclosingFunction(call);
  return definition !== undefined && decoratorCalls(definition, facts).some(({ name, call: decoratorCall }) => isCeleryTask(name, decoratorCall, facts));
}
