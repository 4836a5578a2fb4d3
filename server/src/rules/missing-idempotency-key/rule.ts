import { SyntaxKind, ts } from '../../engine/ts.js';
import { dottedName, lookupProperty } from '../../engine/ast.js';
import { defineRule } from '../../engine/rule.js';
import type { ClientInstallation, RetryLibrary } from '../../models/retry-libraries.js';
import { conditionRetriesPost, idempotencyKeyState, moneyMovingCall, postClient, retriedClient, sendsIdempotencyHeader } from '../../analysis/idempotency.js';
import { postRequest, type PostRequest } from '../../analysis/network-calls.js';
import { retryConfigCall } from '../../analysis/retry/options.js';
import { retryLoops } from '../../analysis/retry/loops.js';
import { keyHeaderSuggestion, keyOptionSuggestion } from './fixes.js';
import { checkPython } from './python.js';
import { meta } from './meta.js';

export const rule = defineRule({
  meta,
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
        [SyntaxKind.CallExpression]: (node) => {
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
