import type { RuleMeta } from '../engine/rule.js';
import { createConfigModel } from '../config/schema.js';
import { meta as missingTimeout } from './missing-timeout/meta.js';
import { meta as hardcodedCredential } from './hardcoded-credential/meta.js';
import { meta as unverifiedWebhook } from './unverified-webhook/meta.js';
import { meta as timingUnsafeComparison } from './timing-unsafe-comparison/meta.js';
import { meta as tlsVerificationDisabled } from './tls-verification-disabled/meta.js';
import { meta as insecureTransport } from './insecure-transport/meta.js';
import { meta as retryWithoutBackoff } from './retry-without-backoff/meta.js';
import { meta as unboundedRetry } from './unbounded-retry/meta.js';
import { meta as secretInLog } from './secret-in-log/meta.js';
import { meta as uncheckedResponseStatus } from './unchecked-response-status/meta.js';
import { meta as missingIdempotencyKey } from './missing-idempotency-key/meta.js';
import { meta as jwtUnverified } from './jwt-unverified/meta.js';
import { meta as ackBeforeProcessing } from './ack-before-processing/meta.js';
import { meta as poisonMessageRequeue } from './poison-message-requeue/meta.js';
import { meta as swallowedMessageError } from './swallowed-message-error/meta.js';
import { meta as unawaitedPublish } from './unawaited-publish/meta.js';

/**
 * The registry: adding a rule is one folder under rules/ and one line here. It holds each rule's
 * metadata only (its folder's `meta.ts`), so what reads settings (the server's main thread, which
 * analyses nothing) does not load the parser; `rules/index.ts` loads each rule's code from its
 * folder's `rule.ts`. The engine and the config know no rule by name; they are handed this list.
 */
export const ruleMetas: readonly RuleMeta[] = [
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
export const configModel = createConfigModel(ruleMetas);
