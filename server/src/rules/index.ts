import type { Rule } from '../engine/rule.js';
import { createConfigModel } from '../config/schema.js';
import { rule as missingTimeout } from './missing-timeout/rule.js';
import { rule as hardcodedCredential } from './hardcoded-credential/rule.js';
import { rule as unverifiedWebhook } from './unverified-webhook/rule.js';
import { rule as timingUnsafeComparison } from './timing-unsafe-comparison/rule.js';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled/rule.js';
import { rule as insecureTransport } from './insecure-transport/rule.js';
import { rule as retryWithoutBackoff } from './retry-without-backoff/rule.js';
import { rule as unboundedRetry } from './unbounded-retry/rule.js';
import { rule as secretInLog } from './secret-in-log/rule.js';
import { rule as uncheckedResponseStatus } from './unchecked-response-status/rule.js';
import { rule as missingIdempotencyKey } from './missing-idempotency-key/rule.js';
import { rule as jwtUnverified } from './jwt-unverified/rule.js';
import { rule as ackBeforeProcessing } from './ack-before-processing/rule.js';
import { rule as poisonMessageRequeue } from './poison-message-requeue/rule.js';
import { rule as swallowedMessageError } from './swallowed-message-error/rule.js';
import { rule as unawaitedPublish } from './unawaited-publish/rule.js';

/**
 * The registry and the composition root: adding a rule is one folder under rules/ and one
 * line here. The engine and the config know no rule by name; they are handed this list.
 */
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

/** The configuration schema for exactly these rules (severities and the settings they read). */
export const configModel = createConfigModel(rules.map((rule) => rule.meta));
