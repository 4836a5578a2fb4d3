import { callArguments, calleeName, calleeObject, field, forEachInScope, isNone, parameterNames } from '../../engine/python/ast.js';
import type { PyFacts } from '../../engine/python/facts.js';
import type { PyNode } from '../../engine/python/tree.js';
import type { PythonContext } from '../../engine/rule.js';
import { keywordState } from '../../analysis/python/arguments.js';
import { decoratorCalls, isCeleryTask, pyRetryLoops } from '../../analysis/python/retry.js';
import { PY_BACKOFF, PY_RETRY_POLICIES, PY_TENACITY } from '../../models/python.js';

const [TENACITY] = PY_TENACITY;
const [BACKOFF] = PY_BACKOFF;
const POLICIES = PY_RETRY_POLICIES[0];
/** urllib3 Retry's other counts: any finite one bounds it. */
const RETRY_COUNTS = ['connect', 'read', 'redirect', 'status', 'other'];

export function checkPython(ctx: PythonContext<{ maxAttempts: number }>): void {
  const { facts } = ctx.file;
  const maxAttempts = ctx.options.maxAttempts;
  for (const retry of pyRetryLoops(facts)) {
    if (!retry.endless || retry.bounded) continue;
    ctx.report({ node: retry.loop, messageId: 'pyUnboundedLoop', data: { what: 'This loop retries', request: facts.textOf(field(retry.request, 'function')!), maxAttempts } });
  }
  for (const definition of facts.ofType('function_definition')) {
    for (const { decorator, name, call } of decoratorCalls(definition, facts)) {
      if (name === 'tenacity.retry') {
        const stop = call ? keywordState(call, 'stop', facts) : { kind: 'missing' as const };
        const endless = stop.kind === 'missing' || (stop.kind === 'present' && TENACITY.endless.includes(facts.qualify(stop.value) ?? ''));
        if (endless) ctx.report({ node: decorator, messageId: 'pyNoLimit', data: { library: 'tenacity @retry', option: 'finite `stop=`', advice: `Pass \`stop=stop_after_attempt(${maxAttempts})\`.` } });
      } else if (BACKOFF.decorators.includes(name) && call) {
        const keywords = callArguments(call, facts.text);
        if (keywords.dictSplats.length === 0 && !BACKOFF.bounds.some((bound) => keywords.keywords.has(bound))) {
          ctx.report({ node: decorator, messageId: 'pyNoLimit', data: { library: 'backoff', option: '`max_tries` or `max_time`', advice: `Pass \`max_tries=${maxAttempts}\`.` } });
        }
      } else if (call && isCeleryTask(name, call, facts)) {
        const limit = keywordState(call, 'max_retries', facts);
        if (limit.kind === 'present' && isNone(facts.valueOf(limit.value)) && !boundedByRetryCalls(definition, call, facts)) ctx.report({ node: decorator, messageId: 'pyNoLimit', data: { library: 'This Celery task (max_retries=None)', option: 'retry limit', advice: `Set \`max_retries=${maxAttempts}\`.` } });
      }
    }
  }
  for (const call of facts.ofType('call')) {
    const name = facts.qualify(field(call, 'function')) ?? '';
    if (TENACITY.controllers.includes(name)) {
      const stop = keywordState(call, 'stop', facts);
      if (stop.kind === 'missing' || (stop.kind === 'present' && TENACITY.endless.includes(facts.qualify(stop.value) ?? ''))) {
        ctx.report({ node: call, messageId: 'pyNoLimit', data: { library: `tenacity ${name.split('.').pop()}(...)`, option: 'finite `stop=`', advice: `Pass \`stop=stop_after_attempt(${maxAttempts})\`.` } });
      }
      continue;
    }
    if (!POLICIES.retry.includes(name)) continue;
    const total = keywordState(call, 'total', facts, 0);
    if (total.kind !== 'present' || !isNone(facts.valueOf(total.value))) continue;
    const otherCount = RETRY_COUNTS.some((name) => {
      const state = keywordState(call, name, facts);
      return state.kind !== 'missing' && !(state.kind === 'present' && isNone(facts.valueOf(state.value)));
    });
    if (!otherCount) ctx.report({ node: call, messageId: 'pyNoLimit', data: { library: 'urllib3 Retry(total=None)', option: 'finite count', advice: `Pass \`total=${maxAttempts}\`.` } });
  }
}

/**
 * A task with `max_retries=None` whose every `self.retry(...)` / `task.retry(...)` (through its
 * bound first parameter or its own name) passes a bound of its own: Celery raises
 * `MaxRetriesExceededError` at that bound (contract 1.1, a loop that throws at a bound). Not with
 * `autoretry_for`, which retries under the task's own unbounded limit.
 */
function boundedByRetryCalls(definition: PyNode, decorator: PyNode, facts: PyFacts): boolean {
  if (keywordState(decorator, 'autoretry_for', facts).kind !== 'missing') return false;
  const body = field(definition, 'body');
  const owners = new Set([parameterNames(definition, facts.text)[0], facts.textOf(field(definition, 'name')!)]);
  const retries: PyNode[] = [];
  if (body) {
    forEachInScope(body, (node) => {
      const owner = node.type === 'call' && calleeName(node, facts.text) === 'retry' ? calleeObject(node) : undefined;
      if (owner?.type === 'identifier' && owners.has(facts.textOf(owner))) retries.push(node);
    });
  }
  return retries.length > 0 && retries.every((retry) => {
    const limit = keywordState(retry, 'max_retries', facts);
    return limit.kind === 'present' && !isNone(facts.valueOf(limit.value));
  });
}
