import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyMoneyWithoutKey: '{{call}} has no idempotency key: if the request times out and is sent again (by a retry, a queue redelivery or a double click), the money moves twice. Pass {{keyOption}}, derived from your own order or request id.',
};

const RUNS_TWICE = 'a POST that succeeded but timed out runs twice. Send a stable key (e.g. derived from the order id) on every attempt.';

export const meta = defineMeta({
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
});
