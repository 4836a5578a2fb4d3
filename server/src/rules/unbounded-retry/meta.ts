import { z } from 'zod';
import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyNoLimit: '{{library}} has no {{option}}: it retries for ever, so when the service stays down the work never fails, piles up and keeps hammering it. {{advice}}',
  pyUnboundedLoop: '{{what}} {{request}} with no attempt limit: while the service is down it spins for ever, hiding the outage and never giving the caller an error. Count attempts and raise after a maximum (e.g. {{maxAttempts}}).',
};

export const meta = defineMeta({
  id: 'unbounded-retry',
  defaultSeverity: 'warning',
  description: 'A retry loop around a network call has no attempt limit.',
  category: 'resilience',
  failsVisibly: true,
  fixable: 'code',
  options: { maxAttempts: z.number().int().min(1).max(100).default(5).describe('Attempts the unbounded-retry quick fix allows before the last error is thrown.') },
  messages: {
    ...PYTHON_MESSAGES,
    endlessLimit: '`{{option}}` retries for ever: when the service stays down, the work never fails, piles up and keeps hammering it. Set a finite limit (e.g. 5) and let the final error surface.',
    forever: '{{library}} with `{{option}}: true` retries for ever: when the service stays down, the work never fails and keeps hammering it. Set a finite `{{limitOption}}` and let the final error surface.',
    unboundedLoop: '{{what}} {{request}} with no attempt limit: while the service is down it spins for ever, hiding the outage and never giving the caller an error. Count attempts and throw after a maximum (e.g. 5).',
  },
});
