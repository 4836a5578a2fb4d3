import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type Middleware,
} from '@anthropic-ai/sdk';
import type { ChatSettings } from './settings.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export type ChatErrorKind =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'bad-request'
  | 'rate-limit'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'stalled'
  | 'network'
  | 'stream';

export interface ChatError {
  kind: ChatErrorKind;
  message: string;
  /** What the panel offers next to the message. */
  action: 'setApiKey' | 'retry' | 'openSettings';
}

export interface RetryNotice {
  /** 1-based number of the retry about to happen. */
  attempt: number;
  of: number;
  message: string;
}

export type AskOutcome =
  | { status: 'complete'; text: string; notice?: string }
  | { status: 'stopped'; text: string }
  | { status: 'interrupted'; text: string; error: ChatError }
  | { status: 'failed'; text: string; error: ChatError };

export interface AskOptions {
  apiKey: string;
  settings: ChatSettings;
  system: string;
  messages: ChatMessage[];
  /** Aborting it is the Stop button: the HTTP request is cancelled. */
  signal?: AbortSignal;
  onText(delta: string): void;
  onRetry?(notice: RetryNotice): void;
  maxRetries?: number;
}

const defaultMaxRetries = 2;

function createClient(apiKey: string, settings: ChatSettings, maxRetries: number, middleware: Middleware[]): Anthropic {
  return new Anthropic({
    apiKey,
    baseURL: settings.baseUrl || undefined,
    timeout: settings.requestTimeoutMs,
    maxRetries,
    middleware,
    // The SDK's own logs must never carry request details out of the extension.
    logLevel: 'off',
  });
}

function retryReason(status: number): string {
  if (status === 429) return 'The API is rate-limiting requests (429)';
  if (status === 529) return 'The API is overloaded (529)';
  return `The API answered ${status}`;
}

function waitSeconds(headers: Headers): number | undefined {
  const millis = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (millis > 0) return Math.ceil(millis / 1000);
  const seconds = Number.parseFloat(headers.get('retry-after') ?? '');
  return seconds > 0 ? Math.ceil(seconds) : undefined;
}

function isRetryableResponse(response: Response): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true') return true;
  if (header === 'false') return false;
  return [408, 409, 429].includes(response.status) || response.status >= 500;
}

/**
 * Reports each retry the SDK is about to make (it runs per HTTP attempt, inside the SDK's
 * retry loop), so the panel can show a visible "retrying" notice.
 */
function retryNoticeMiddleware(maxRetries: number, signal: AbortSignal, notify: (notice: RetryNotice) => void): Middleware {
  return async (request, next) => {
    const attempt = Number(request.headers.get('x-stainless-retry-count') ?? '0');
    const retriesLeft = attempt < maxRetries;
    const announce = (reason: string, wait?: number): void => {
      const after = wait === undefined ? '' : ` in ${wait} s`;
      notify({ attempt: attempt + 1, of: maxRetries, message: `${reason}; retrying${after} (${attempt + 1} of ${maxRetries})…` });
    };
    try {
      const response = await next(request);
      if (!response.ok && retriesLeft && isRetryableResponse(response)) announce(retryReason(response.status), waitSeconds(response.headers));
      return response;
    } catch (error) {
      if (retriesLeft && !signal.aborted) announce('The connection failed or timed out');
      throw error;
    }
  };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** Turns whatever the SDK threw into the one message the user sees. Never includes the key. */
function describeError(error: unknown, settings: ChatSettings, maxRetries = defaultMaxRetries): ChatError {
  const api = settings.baseUrl || 'https://api.anthropic.com';
  const detail = error instanceof APIError && error.apiMessage ? `: ${error.apiMessage}` : '';
  if (error instanceof AuthenticationError) {
    return { kind: 'auth', message: 'Your API key was rejected (401). Set a valid Anthropic API key to continue.', action: 'setApiKey' };
  }
  if (error instanceof PermissionDeniedError) {
    return { kind: 'permission', message: `Your API key may not use this model or endpoint (403)${detail}.`, action: 'setApiKey' };
  }
  if (error instanceof NotFoundError) {
    return { kind: 'not-found', message: `The API answered 404 for model "${settings.model}": check the model and base URL settings.`, action: 'openSettings' };
  }
  if (error instanceof BadRequestError) {
    return { kind: 'bad-request', message: `The API refused the request (400)${detail}.`, action: 'openSettings' };
  }
  if (error instanceof RateLimitError) {
    return { kind: 'rate-limit', message: `The API is still rate-limiting requests (429) after ${maxRetries} retries. Wait a moment, then retry.`, action: 'retry' };
  }
  if (error instanceof APIConnectionTimeoutError) {
    return { kind: 'timeout', message: `The API did not answer within ${seconds(settings.requestTimeoutMs)}.`, action: 'retry' };
  }
  if (error instanceof APIConnectionError) {
    return { kind: 'network', message: `Could not reach the API at ${api}. Check your network, proxy or base URL setting.`, action: 'retry' };
  }
  if (error instanceof APIError) {
    if (error.status === 529 || error.type === 'overloaded_error') {
      return { kind: 'overloaded', message: `The API is overloaded (529)${detail}. Retry in a little while.`, action: 'retry' };
    }
    if (typeof error.status === 'number') {
      return { kind: 'server', message: `The API failed (${error.status})${detail}, also after ${maxRetries} retries.`, action: 'retry' };
    }
    return { kind: 'stream', message: `The API reported an error during the answer${detail}.`, action: 'retry' };
  }
  return { kind: 'stream', message: 'The connection dropped before the answer was complete.', action: 'retry' };
}

/**
 * Streams one answer. Resolves (never rejects) with what arrived and how it ended: a stop,
 * a stall past the timeout or a dropped stream keeps the partial text.
 */
export async function askStreaming(options: AskOptions): Promise<AskOutcome> {
  const { settings } = options;
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  const controller = new AbortController();
  const stopped = (): boolean => options.signal?.aborted === true;
  const onStop = (): void => controller.abort();
  options.signal?.addEventListener('abort', onStop, { once: true });
  if (stopped()) controller.abort();

  const middleware = options.onRetry ? [retryNoticeMiddleware(maxRetries, controller.signal, options.onRetry)] : [];
  const client = createClient(options.apiKey, settings, maxRetries, middleware);
  let text = '';
  let stalled = false;
  let idleTimer: NodeJS.Timeout | undefined;
  // The SDK's timeout covers the wait for the response; this one covers gaps in the stream.
  const armIdleTimer = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, settings.requestTimeoutMs);
  };

  try {
    const stream = client.messages.stream(
      { model: settings.model, max_tokens: settings.maxTokens, system: options.system, messages: options.messages },
      { signal: controller.signal },
    );
    stream.on('connect', armIdleTimer);
    stream.on('streamEvent', armIdleTimer);
    stream.on('text', (delta) => {
      text += delta;
      options.onText(delta);
    });
    const message = await stream.finalMessage();
    const notice = message.stop_reason === 'max_tokens' ? `The answer reached the ${settings.maxTokens}-token limit and was cut off.` : undefined;
    return notice ? { status: 'complete', text, notice } : { status: 'complete', text };
  } catch (error) {
    if (stopped()) return { status: 'stopped', text };
    const described: ChatError =
      stalled && error instanceof APIUserAbortError
        ? { kind: 'stalled', message: `The answer stalled: nothing arrived for ${seconds(settings.requestTimeoutMs)}.`, action: 'retry' }
        : describeError(error, settings, maxRetries);
    return text ? { status: 'interrupted', text, error: described } : { status: 'failed', text, error: described };
  } finally {
    clearTimeout(idleTimer);
    options.signal?.removeEventListener('abort', onStop);
  }
}

/** The models the key may use, newest first as the API lists them. */
export async function listModels(apiKey: string, settings: ChatSettings): Promise<string[]> {
  const client = createClient(apiKey, settings, defaultMaxRetries, []);
  const ids: string[] = [];
  for await (const model of client.models.list({ limit: 100 })) ids.push(model.id);
  return ids;
}
