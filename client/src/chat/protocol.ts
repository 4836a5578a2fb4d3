import { z } from 'zod';

/**
 * Messages between the extension and the chat webview. Both sides parse what they receive
 * with these schemas and drop anything that does not match.
 */

export const codeActionKinds = ['copy', 'insert', 'replace', 'diff'] as const;
export type CodeActionKind = (typeof codeActionKinds)[number];

const id = z.string().min(1).max(100);

export const webviewToExtension = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('ask'), text: z.string().min(1).max(20_000) }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('retry') }),
  z.object({ type: z.literal('newChat') }),
  z.object({ type: z.literal('setApiKey') }),
  z.object({ type: z.literal('openSettings') }),
  z.object({ type: z.literal('dropContext') }),
  z.object({ type: z.literal('codeAction'), action: z.enum(codeActionKinds), turnId: id, block: z.number().int().min(0) }),
]);
export type WebviewToExtension = z.infer<typeof webviewToExtension>;

export const turnStatuses = ['complete', 'streaming', 'stopped', 'interrupted', 'failed'] as const;

export const turnView = z.object({
  id,
  role: z.enum(['user', 'assistant']),
  /** Sanitized HTML, rendered by the extension from markdown. */
  html: z.string(),
  status: z.enum(turnStatuses),
  /** A transient line such as "retrying in 2 s". */
  notice: z.string().optional(),
  error: z.object({ message: z.string(), action: z.enum(['setApiKey', 'retry', 'openSettings']) }).optional(),
  contextLabel: z.string().optional(),
  redacted: z.number().int().min(0).optional(),
});
export type TurnView = z.infer<typeof turnView>;

export const viewState = z.object({
  turns: z.array(turnView),
  busy: z.boolean(),
  /** The code the next question will carry, e.g. "refunds.ts:12-30". */
  pendingContext: z.string().optional(),
  hasApiKey: z.boolean(),
  /** Why nothing can be sent right now (an untrusted workspace). */
  blocked: z.string().optional(),
});
export type ViewState = z.infer<typeof viewState>;

export const extensionToWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: viewState }),
  z.object({ type: z.literal('turn'), turn: turnView, busy: z.boolean() }),
  z.object({ type: z.literal('focusInput'), prefill: z.string().max(2000).optional() }),
]);
export type ExtensionToWebview = z.infer<typeof extensionToWebview>;

/** Parses one received message; `undefined` for anything that is not a known message. */
export function parseWebviewMessage(raw: unknown): WebviewToExtension | undefined {
  const parsed = webviewToExtension.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function parseExtensionMessage(raw: unknown): ExtensionToWebview | undefined {
  const parsed = extensionToWebview.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
