import type { Rule } from '../engine/rule.js';
import { rule as missingTimeout } from './missing-timeout.js';
import { rule as hardcodedCredential } from './hardcoded-credential.js';
import { rule as unverifiedWebhook } from './unverified-webhook.js';
import { rule as timingUnsafeComparison } from './timing-unsafe-comparison.js';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled.js';
import { rule as insecureTransport } from './insecure-transport.js';
import { rule as retryWithoutBackoff } from './retry-without-backoff.js';
import { rule as unboundedRetry } from './unbounded-retry.js';
import { rule as secretInLog } from './secret-in-log.js';
import { rule as uncheckedResponseStatus } from './unchecked-response-status.js';
import { rule as missingIdempotencyKey } from './missing-idempotency-key.js';
import { rule as jwtUnverified } from './jwt-unverified.js';
import { rule as ackBeforeProcessing } from './ack-before-processing.js';
import { rule as poisonMessageRequeue } from './poison-message-requeue.js';
import { rule as swallowedMessageError } from './swallowed-message-error.js';
import { rule as unawaitedPublish } from './unawaited-publish.js';

/** The registry: adding a rule is one module under rules/ and one line here. */
export const rules: Rule[] = [
  missingTimeout,
  hardcodedCredential,
  unverifiedWebhook,
  timingUnsafeComparison,
  tlsVerificationDisabled,
  insecureTransport,
  retryWithoutBackoff,
  unboundedRetry,
  secretInLog,
  uncheckedResponseStatus,
  missingIdempotencyKey,
  jwtUnverified,
  ackBeforeProcessing,
  poisonMessageRequeue,
  swallowedMessageError,
  unawaitedPublish,
];
