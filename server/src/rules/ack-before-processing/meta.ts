import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyAutoAck: '`{{option}}=True` acks each message on delivery: the broker drops it at once, so a crash or error in the handler loses it. Consume with manual acks and `{{manualAck}}` after the work succeeds.',
};

export const meta = defineMeta({
  id: 'ack-before-processing',
  defaultSeverity: 'warning',
  description: 'A message is acknowledged before the work it carries is done.',
  category: 'messaging',
  messages: {
    ...PYTHON_MESSAGES,
    autoAck: '`{{option}}: true` acks each message on delivery: the broker drops it at once, so a crash or error in the handler loses it. Consume with manual acks and `{{manualAck}}` after the work succeeds.',
    ackBeforeWork: '{{ack}} acknowledges before processing: if the work after it fails or the process crashes, the message is gone. Acknowledge after the processing succeeds (or in a `finally`).',
    ackLast: 'Move the acknowledgement after the processing',
    manualAck: 'Consume with manual acks: `{{ack}}` after the handler\'s work',
  },
  hasSuggestions: true,
});
