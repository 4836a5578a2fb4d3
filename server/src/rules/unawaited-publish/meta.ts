import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyNotAwaited: '{{publish}} is not awaited: the coroutine never runs, so the message is never sent and no error is seen. Await it (or hand it to asyncio.create_task and keep the task).',
  pyFutureDropped: '{{publish}} returns a future that is dropped: if the broker rejects the message the failure is never seen. Keep the future and call `.get()` / `.result()`, or add a callback that handles the failure.',
  pyNoCallback: '{{publish}} has no delivery callback: a message the broker fails to store is lost without an error (`flush()` waits but does not report it). Pass `on_delivery=` a callback that handles the failure.',
  pyUnconfirmed: '`acks={{value}}` turns off Kafka\'s write acknowledgement: a message the broker drops is lost without an error. Leave acks at its default (`acks=1`, or `"all"`).',
};

export const meta = defineMeta({
  id: 'unawaited-publish',
  defaultSeverity: 'warning',
  description: 'A message is published and nothing waits for the broker to confirm it.',
  category: 'messaging',
  messages: {
    ...PYTHON_MESSAGES,
    unconfirmed: '`{{option}}: {{value}}` turns off {{broker}}\'s write acknowledgement: a message the broker drops is lost without an error. Leave `{{option}}` at its default ({{default}}).',
    notAwaited: '{{publish}} is not awaited: if the broker rejects the message the failure is lost (an unhandled rejection at best). Await or return the promise, or attach a `.catch` that handles the failure.',
    catchFailure: 'Attach a `.catch` that logs the failure with `{{logger}}`',
  },
  fixable: 'code',
  hasSuggestions: true,
});
