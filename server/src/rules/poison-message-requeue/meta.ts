import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyRequeued: '{{nack}} requeues with no limit: a message that always fails is redelivered for ever and starves the consumer. Check {{deliveryCount}}, or reject it with `requeue=False` so the queue dead-letters it.',
};

export const meta = defineMeta({
  id: 'poison-message-requeue',
  defaultSeverity: 'warning',
  description: 'A failed message is requeued with no limit, so one bad message is redelivered for ever.',
  category: 'messaging',
  messages: {
    ...PYTHON_MESSAGES,
    requeued: '{{nack}} requeues with no limit: a message that always fails is redelivered for ever and starves the consumer. Check `{{deliveryCount}}` or a retry-count header, or dead-letter it with `{{deadLetter}}`.',
    requeueBelowLimit: 'Requeue only while `{{condition}}` (below the delivery limit), else dead-letter it',
  },
  fixable: 'code',
  hasSuggestions: true,
});
