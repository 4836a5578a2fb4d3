/**
 * Retry knowledge as data: the retry libraries a file configures with a call, and the
 * retry options of clients and SDKs. `analysis/retry/options.ts` matches calls and
 * options against these rows; the rules read what the rows say (which option limits the
 * attempts, which sets the wait) instead of naming libraries.
 */

/** How a retry library decides the wait between attempts. */
export type RetryDelayModel =
  | {
      /** A function option of the retry count returns the wait (axios-retry's `retryDelay`). */
      kind: 'function';
      option: string;
      /** Whether the library waits between attempts when the option is not given. */
      waitsByDefault: boolean;
      /** What the library offers for a wait that grows, as messages quote it. */
      growingDelay: string;
      /** The module's export of that growing wait, which quick fixes pass (`exponentialDelay`). */
      growingDelayExport: string;
      /** The option value calling that export (written `reference`) so it grows from the `base` wait in ms. */
      growingDelayFrom(reference: string, base: string): string;
    }
  | {
      /** node-retry's timeouts: `minTimeout * factor ** attempt`, capped at `maxTimeout`. */
      kind: 'exponential';
      factorOption: string;
      defaultFactor: number;
      minTimeoutOption: string;
      /** The first wait when `minTimeoutOption` is not given, in ms. */
      defaultMinTimeout: number;
      maxTimeoutOption: string;
      /** The option that adds jitter when `true`. */
      jitterOption: string;
    };

/** How a retry library installed on an HTTP client is given the client, and which requests it retries. */
export interface ClientInstallation {
  /** Position of the client argument (`axiosRetry(client, options)`). */
  clientArgument: number;
  /** The client library whose default export may be passed itself (`axiosRetry(axios, ...)`). */
  clientModule: string;
  /** The option deciding which failures are retried. */
  conditionOption: string;
  /** Conditions the library exports that never retry a POST (its default among them). */
  idempotentOnlyConditions: readonly string[];
}

/** A callback option the library awaits between attempts (p-retry's `onFailedAttempt`). */
export interface AttemptHook {
  option: string;
  /** The property of the callback's first parameter that counts the attempts (`attemptNumber`). */
  attemptProperty: string;
}

export interface RetryLibrary {
  /** The npm modules whose default export is the library's one call. */
  modules: readonly string[];
  /** How messages name the library: `axiosRetry`, `p-retry`. */
  name: string;
  /** Position of the options argument. */
  optionsArgument: number;
  /** Position of the function the library calls again until it succeeds (p-retry's `fn`), if it takes one. */
  callbackArgument?: number;
  /** The option that caps the attempts; `0` turns retrying off. */
  limitOption: string;
  /** The option that retries for ever when `true` (node-retry's `forever`). */
  foreverOption?: string;
  delay: RetryDelayModel;
  /** A callback the library awaits after a failed attempt, before the next: a wait in it adds to the library's own. */
  attemptHook?: AttemptHook;
  /** For a library installed on an HTTP client: where the client goes and which requests it retries. */
  installedOn?: ClientInstallation;
}

/** node-retry's options, which p-retry and async-retry pass on: they back off by default. */
const NODE_RETRY_DELAY: RetryDelayModel = {
  kind: 'exponential',
  factorOption: 'factor',
  defaultFactor: 2,
  minTimeoutOption: 'minTimeout',
  defaultMinTimeout: 1000,
  maxTimeoutOption: 'maxTimeout',
  jitterOption: 'randomize',
};

export const RETRY_LIBRARIES: readonly RetryLibrary[] = [
  {
    modules: ['axios-retry'],
    name: 'axiosRetry',
    optionsArgument: 1,
    limitOption: 'retries',
    // Its default `retryDelay` is `noDelay`: every retry is sent at once.
    delay: {
      kind: 'function',
      option: 'retryDelay',
      waitsByDefault: false,
      growingDelay: 'axiosRetry.exponentialDelay',
      growingDelayExport: 'exponentialDelay',
      // Its third parameter is the first wait (`delayFactor`, 100 ms by default); it adds 20 % jitter.
      growingDelayFrom: (reference, base) => `(retryCount, error) => ${reference}(retryCount, error, ${base})`,
    },
    installedOn: {
      clientArgument: 0,
      clientModule: 'axios',
      conditionOption: 'retryCondition',
      idempotentOnlyConditions: ['isNetworkOrIdempotentRequestError', 'isIdempotentRequestError', 'isSafeRequestError'],
    },
  },
  {
    modules: ['p-retry'],
    name: 'p-retry',
    optionsArgument: 1,
    callbackArgument: 0,
    limitOption: 'retries',
    foreverOption: 'forever',
    delay: NODE_RETRY_DELAY,
    // It awaits `onFailedAttempt(error)` (`error.attemptNumber` counts from 1) before the next attempt.
    attemptHook: { option: 'onFailedAttempt', attemptProperty: 'attemptNumber' },
  },
  { modules: ['async-retry'], name: 'async-retry', optionsArgument: 1, callbackArgument: 0, limitOption: 'retries', foreverOption: 'forever', delay: NODE_RETRY_DELAY },
];

/** An option of a client or SDK that caps how often it retries a failed request. */
export interface RetryLimitOption {
  /** The npm modules whose clients take the option. */
  modules: readonly string[];
  /** The option's path in the options object: `['maxNetworkRetries']`, `['retry', 'limit']`. */
  path: readonly string[];
}

/**
 * Attempt limits besides the retry libraries' own: a value that never runs out
 * (`Infinity`) retries for ever. Matched by name wherever they are written, since the
 * options object is often built away from the client.
 */
export const RETRY_LIMIT_OPTIONS: readonly RetryLimitOption[] = [
  { modules: ['got', 'ky'], path: ['retry', 'limit'] },
  // ky also takes the limit itself as `retry: 5`.
  { modules: ['ky'], path: ['retry'] },
  { modules: ['stripe'], path: ['maxNetworkRetries'] },
  { modules: ['openai', '@anthropic-ai/sdk'], path: ['maxRetries'] },
  { modules: ['@aws-sdk/client-s3'], path: ['maxAttempts'] },
  { modules: ['pg-boss'], path: ['retryLimit'] },
];

/** A library function that pauses before the next attempt (the global `setTimeout` is judged apart: it takes a callback). */
export interface WaitFunction {
  modules: readonly string[];
  /** The export's path in the module: `['setTimeout']`, `['scheduler', 'wait']`. */
  path: readonly string[];
  /** Position of the delay argument. */
  delayArgument: number;
}

export const WAIT_FUNCTIONS: readonly WaitFunction[] = [
  { modules: ['timers/promises'], path: ['setTimeout'], delayArgument: 0 },
  { modules: ['timers/promises'], path: ['scheduler', 'wait'], delayArgument: 0 },
];
