import { ts } from '../../engine/ts.js';
import { dottedName, lookupProperty } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import type { ClientInstallation, RetryLibrary } from '../../models/retry-libraries.js';
import { conditionRetriesPost, idempotencyKeyState, moneyMovingCall, postClient, retriedClient, sendsIdempotencyHeader } from '../../analysis/idempotency.js';
import { postRequest, type PostRequest } from '../../analysis/network-calls.js';
import { retryConfigCall } from '../../analysis/retry/options.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { keyHeaderSuggestion, keyOptionSuggestion } from './fixes.js';
import { checkPython, PYTHON_MESSAGES } from './python.js';

const RUNS_TWICE = 'a POST that succeeded but timed out runs twice. Send a stable key (e.g. derived from the order id) on every attempt.';

export const rule = defineRule({
  meta: {
    id: 'missing-idempotency-key',
    defaultSeverity: 'warning',
    description: 'A money-moving call or a retried POST is sent without an idempotency key.',
    category: 'resilience',
    hasSuggestions: true,
    messages: {
      ...PYTHON_MESSAGES,
      moneyWithoutKey: '{{call}} has no `{{keyOption}}`: if the request times out and is sent again (by a retry, a queue redelivery or a double click), the money moves twice. Pass `{ {{keyOption}} }` as the request options, derived from your own order or request id.',
      postInRetryLoop: `{{request}} is retried with no \`Idempotency-Key\`: this loop sends it again, so ${RUNS_TWICE}`,
      postInRetryHelper: `{{request}} is retried with no \`Idempotency-Key\`: a retry helper sends it again, so ${RUNS_TWICE}`,
      postRetriedByClient: `{{request}} is retried with no \`Idempotency-Key\`: {{library}} sends it again (its {{conditionOption}} allows POST), so ${RUNS_TWICE}`,
      keyFromId: 'Pass `{{keyOption}}` derived from `{{id}}`',
      randomKey: 'Pass `{{keyOption}}` from a random key made once, before the call and any retry of it (better: derive it from your own request id, so a repeated request reuses it)',
      headerFromId: 'Send an `{{header}}` header derived from `{{id}}`',
      randomHeader: 'Send an `{{header}}` header from a random key created once, before the retries',
    },
  },
  python: checkPython,
  create(ctx) {
    const { facts } = ctx.file;
    const calls: ts.CallExpression[] = [];
    /** Clients whose POSTs a retry library retries, by name. */
    const retriedClients = new Map<string, { library: RetryLibrary; installedOn: ClientInstallation }>();
    const reported = new Set<ts.Node>();
    const reportPost = (post: PostRequest, messageId: string, data: Record<string, string> = {}): void => {
      if (reported.has(post.call) || sendsIdempotencyHeader(post, facts) !== 'no') return;
      reported.add(post.call);
      const suggestion = keyHeaderSuggestion(post, ctx.file, messageId !== 'postRetriedByClient');
      ctx.report({ node: post.call, messageId, data: { request: post.name, ...data }, suggest: suggestion && [suggestion] });
    };
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const money = moneyMovingCall(call, facts);
          if (money) {
            if (idempotencyKeyState(call, money.api, facts) === 'missing') {
              reported.add(call);
              const name = dottedName(call.expression) ?? `${money.resource}.${money.api.method}`;
              const suggestion = keyOptionSuggestion(call, money.api, money.resource, ctx.file);
              ctx.report({ node: call, messageId: 'moneyWithoutKey', data: { call: name, keyOption: money.api.keyOption }, suggest: suggestion && [suggestion] });
            }
            return;
          }
          const config = retryConfigCall(call, facts);
          const installedOn = config?.library.installedOn;
          if (config && installedOn) {
            const condition = lookupProperty(config.config, installedOn.conditionOption, facts);
            const client = retriedClient(call, installedOn, facts);
            if (condition.kind === 'present' && condition.value && client && conditionRetriesPost(condition.value, installedOn, config.library, facts)) retriedClients.set(client, { library: config.library, installedOn });
            return;
          }
          calls.push(call);
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          for (const request of loop.requests) {
            const post = ts.isCallExpression(request) ? postRequest(request, facts) : undefined;
            if (post) reportPost(post, loop.kind === 'callback' ? 'postInRetryHelper' : 'postInRetryLoop');
          }
        }
        if (retriedClients.size === 0) return;
        const clientModules = new Set([...retriedClients.values()].map(({ installedOn }) => installedOn.clientModule));
        for (const call of calls) {
          const post = postRequest(call, facts);
          if (!post) continue;
          const client = postClient(post, clientModules, facts);
          const retried = client !== undefined ? retriedClients.get(client) : undefined;
          if (retried) reportPost(post, 'postRetriedByClient', { library: retried.library.modules[0], conditionOption: retried.installedOn.conditionOption });
        }
      },
    };
  },
});
