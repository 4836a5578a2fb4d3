import { ts } from '../../engine/ts.js';
import { dottedName, lookupProperty, stringValue } from '../../engine/ast.js';
import { skipOuter, type FileFacts } from '../../engine/facts.js';
import { defineRule } from '../../engine/rule.js';
import { splitWords } from '../../secrets/words.js';
import { classifyHttpCall } from '../../analysis/http-clients.js';
import { postRequest, sendsIdempotencyHeader, type PostRequest } from '../../analysis/network-calls.js';
import { retryConfigCall } from '../../analysis/retry-options.js';
import { retryLoops } from '../../analysis/retry-loops.js';

/** Stripe resources whose `create` moves money. */
const MONEY_RESOURCES = new Set(['charges', 'paymentIntents', 'refunds', 'transfers', 'payouts']);

/** axios-retry's predicates that never retry a POST. */
const IDEMPOTENT_ONLY = new Set(['isNetworkOrIdempotentRequestError', 'isIdempotentRequestError', 'isSafeRequestError']);

function isStripeClient(receiver: ts.Expression, facts: FileFacts, depth = 0): boolean {
  if (depth > 4) return false;
  const node = skipOuter(receiver);
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  if (name && splitWords(name).includes('stripe')) return true;
  if (facts.resolve(node)?.module === 'stripe') return true;
  if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && facts.resolve(node.expression)?.module === 'stripe') return true;
  const value = facts.valueOf(node);
  return !!value && value !== node && isStripeClient(value, facts, depth + 1);
}

/** `stripe.paymentIntents.create(...)`: the resource name when the call is a money-moving create. */
function stripeMoneyCreate(call: ts.CallExpression, facts: FileFacts): string | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'create') return undefined;
  const resource = skipOuter(callee.expression);
  if (!ts.isPropertyAccessExpression(resource) || !MONEY_RESOURCES.has(resource.name.text)) return undefined;
  const isStripe = facts.importedModules.has('stripe') || isStripeClient(resource.expression, facts);
  return isStripe ? resource.name.text : undefined;
}

/** Whether the request options (the last argument, after the params) carry an idempotency key. */
function stripeKeyState(call: ts.CallExpression, facts: FileFacts): 'present' | 'missing' | 'unknown' {
  if (call.arguments.some((arg) => ts.isSpreadElement(arg))) return 'unknown';
  if (call.arguments.length < 2) return 'missing';
  const options = call.arguments[call.arguments.length - 1];
  const key = lookupProperty(options, 'idempotencyKey', facts);
  if (key.kind !== 'missing') return key.kind;
  const headers = sendsIdempotencyHeader({ call, name: '', options, chained: false }, facts);
  return headers === 'yes' ? 'present' : headers === 'unknown' ? 'unknown' : 'missing';
}

/** True when an axios-retry `retryCondition` lets a POST be retried. */
function retriesPost(condition: ts.Expression, facts: FileFacts): boolean {
  const ref = facts.resolve(condition);
  if (ref?.module === 'axios-retry') return ref.path.length === 1 && !IDEMPOTENT_ONLY.has(ref.path[0]);
  const fn = facts.valueOf(condition);
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  let mentionsPost = false;
  let restricted = false;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && node.text.toLowerCase() === 'post') mentionsPost = true;
    if (ts.isIdentifier(node) && (node.text === 'method' || IDEMPOTENT_ONLY.has(node.text))) restricted = true;
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return mentionsPost || !restricted;
}

/** What an axios-retry call is installed on: the `axios` default, or an instance by its dotted name. */
function retriedTarget(call: ts.CallExpression, facts: FileFacts): string | undefined {
  const target = call.arguments[0];
  if (!target) return undefined;
  const ref = facts.resolve(target);
  if (ref?.module === 'axios' && ref.path.length === 0) return 'axios';
  return dottedName(target);
}

function postTarget(post: PostRequest, facts: FileFacts): string | undefined {
  const http = classifyHttpCall(post.call, facts);
  if (http?.kind === 'request' && http.library === 'axios' && !http.instance) return 'axios';
  const callee = skipOuter(post.call.expression);
  return dottedName(ts.isPropertyAccessExpression(callee) ? callee.expression : callee);
}

export const rule = defineRule({
  meta: {
    id: 'missing-idempotency-key',
    defaultSeverity: 'warning',
    description: 'A money-moving call or a retried POST is sent without an idempotency key.',
    // TRANSITIONAL: one pass-through message until the rule names its messages.
    messages: { legacy: '{{text}}' },
  },
  create(ctx) {
    const { facts } = ctx.file;
    const calls: ts.CallExpression[] = [];
    const postRetriedTargets = new Set<string>();
    const reported = new Set<ts.Node>();
    const reportPost = (post: PostRequest, why: string): void => {
      if (reported.has(post.call) || sendsIdempotencyHeader(post, facts) !== 'no') return;
      reported.add(post.call);
      ctx.report({
        node: post.call,
        message: `${post.name} is ${why} without an \`Idempotency-Key\` header: a POST that succeeded but timed out is sent again and its action runs twice. Send a stable key (e.g. derived from the order id) on every attempt.`,
      });
    };
    return {
      on: {
        [ts.SyntaxKind.CallExpression]: (node) => {
          const call = node as ts.CallExpression;
          const resource = stripeMoneyCreate(call, facts);
          if (resource) {
            if (stripeKeyState(call, facts) === 'missing') {
              reported.add(call);
              ctx.report({
                node: call,
                message: `${dottedName(call.expression) ?? `${resource}.create`} has no \`idempotencyKey\`: if the request times out and is sent again (by a retry, a queue redelivery or a double click), the money moves twice. Pass \`{ idempotencyKey }\` as the request options, derived from your own order or request id.`,
              });
            }
            return;
          }
          const config = retryConfigCall(call, facts);
          if (config?.library === 'axios-retry') {
            const condition = lookupProperty(config.config, 'retryCondition', facts);
            const target = retriedTarget(call, facts);
            if (condition.kind === 'present' && condition.value && target && retriesPost(condition.value, facts)) postRetriedTargets.add(target);
            return;
          }
          calls.push(call);
        },
      },
      end() {
        for (const loop of retryLoops(ctx.file)) {
          for (const request of loop.requests) {
            const post = ts.isCallExpression(request) ? postRequest(request, facts) : undefined;
            if (post) reportPost(post, loop.kind === 'callback' ? 'sent by a retry helper' : 'retried by this loop');
          }
        }
        if (postRetriedTargets.size === 0) return;
        for (const call of calls) {
          const post = postRequest(call, facts);
          if (!post) continue;
          const target = postTarget(post, facts);
          if (target && postRetriedTargets.has(target)) reportPost(post, 'retried by axios-retry (its retryCondition allows POST)');
        }
      },
    };
  },
});
