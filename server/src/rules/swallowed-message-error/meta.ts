import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyExcept: 'This except swallows the processing error: the {{committed}}, so the message is lost without a trace. Re-raise, nack it, or publish it to a dead-letter queue.',
};

export const meta = defineMeta({
  id: 'swallowed-message-error',
  defaultSeverity: 'warning',
  description: 'A message handler catches a processing error and lets the broker commit the message anyway.',
  category: 'messaging',
  messages: {
    ...PYTHON_MESSAGES,
    catchClause: 'This catch swallows the processing error: the {{committed}}, so the message is lost without a trace. Rethrow, nack it, or publish it to a dead-letter queue.',
    catchCall: 'This `.catch` swallows the processing error: the {{committed}}, so the message is lost without a trace. Rethrow, nack it, or publish it to a dead-letter queue.',
    rethrow: 'Rethrow `{{error}}` so the broker retries the message instead of committing it',
    failMessage: 'Fail the message with `{{call}}` instead of committing it',
    commitOnSuccess: 'Settle the message only when its work succeeds, so that a failed one is redelivered',
  },
  hasSuggestions: true,
});
