import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyNoWaitOption: '{{library}} has no `{{option}}`: it retries at once, with no wait, hammering a service that is already failing. Pass `{{option}}={{growingDelay}}`.',
  pyConstantWait: '{{library}} waits the same `{{wait}}` before every retry: a fixed wait keeps the pressure on a struggling service. Use `{{growingDelay}}`.',
};

const ADVICE = 'Wait longer after each failure (exponential backoff, e.g. `base * 2 ** attempt`, capped) and add random jitter so clients do not retry in lockstep.';

export const meta = defineMeta({
  id: 'retry-without-backoff',
  defaultSeverity: 'warning',
  fixable: 'code',
  description: 'A failed network call is retried with no wait, or with the same fixed wait every time.',
  category: 'resilience',
  failsVisibly: true,
  messages: {
    ...PYTHON_MESSAGES,
    noWait: `{{what}} retries {{request}} with no wait: a struggling service is hit again at once, in a burst, which keeps it down. ${ADVICE}`,
    fixedWait: `{{what}} retries {{request}} after the same \`{{wait}}\` every time: a fixed wait keeps the pressure on a struggling service. ${ADVICE}`,
    noDelayOption: '{{library}} has no `{{option}}`: by default it retries at once, with no wait, hammering a service that is already failing. Pass `{{option}}: {{growingDelay}}` (it adds jitter).',
    constantDelayFunction: "{{library}}'s `{{option}}` never grows: the same delay before every retry keeps the pressure on a struggling service. Use `{{growingDelay}}`, or compute the delay from the retry count with jitter.",
    zeroTimeout: `{{library}} waits 0 ms between attempts: every retry fires at once at a service that is already failing. ${ADVICE}`,
    flatFactor: "{{library}}'s wait never grows (`{{factorOption}}: {{factor}}`): every retry waits the same {{minTimeoutOption}}, so the pressure on a struggling service never eases. Keep the default {{factorOption}} of {{defaultFactor}} (or more) and `{{jitterOption}}: true` for jitter.",
    equalTimeouts: "{{library}}'s wait never grows (`{{minTimeoutOption}}` equals `{{maxTimeoutOption}}`): every retry waits the same {{wait}} ms, so the pressure on a struggling service never eases. Let the wait grow (raise {{maxTimeoutOption}}) and use `{{jitterOption}}: true` for jitter.",
  },
});
