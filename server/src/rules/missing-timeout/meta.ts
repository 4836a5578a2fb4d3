import { z } from 'zod';
import { defineMeta } from '../../engine/rule.js';

export type MessageId = 'requestMissing' | 'requestOff' | 'clientMissing' | 'clientOff' | 'poolOff';

export const meta = defineMeta({
  id: 'missing-timeout',
  defaultSeverity: 'warning',
  description: 'An outbound network request has no bound on how long it may take.',
  category: 'resilience',
  failsVisibly: true,
  messages: {
    requestMissing: '{{call}} has no timeout: a slow or unresponsive server would hold this request open indefinitely. {{advice}}',
    requestOff: '{{call}} turns its timeout off: a slow or unresponsive server would hold this request open indefinitely. {{advice}}',
    clientMissing: '{{call}} has no timeout: every request of the client it builds could hang indefinitely. Pass {{setting}} when creating it.',
    clientOff: '{{call}} turns its timeout off: every request of the client it builds could hang indefinitely. Pass {{setting}} when creating it.',
    poolOff: '{{pool}} turns its timeout off: requests sent through it could hang indefinitely. {{advice}}',
  } satisfies Record<MessageId, string>,
  fixable: 'code',
  options: { defaultTimeoutMs: z.number().int().min(1).max(600_000).default(10_000).describe('Timeout in milliseconds that quick fixes and messages suggest (missing-timeout).') },
});
