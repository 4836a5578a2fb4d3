import { z } from 'zod';
import type { ChatMessage } from './anthropicClient.js';
import { turnStatuses } from './protocol.js';

/** One turn as kept in workspace state: markdown source, never HTML. */
export const storedTurn = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  /** What the panel shows: the typed question, or the answer's markdown. */
  text: z.string(),
  /** For user turns: the redacted message that was sent (question + code context). */
  sent: z.string().optional(),
  status: z.enum(turnStatuses),
  error: z.object({ message: z.string(), action: z.enum(['setApiKey', 'retry', 'openSettings']) }).optional(),
  contextLabel: z.string().optional(),
  redacted: z.number().int().min(0).optional(),
});
export type StoredTurn = z.infer<typeof storedTurn>;

const storedConversation = z.object({ version: z.literal(1), turns: z.array(storedTurn) });

export function serializeConversation(turns: readonly StoredTurn[]): unknown {
  return { version: 1, turns };
}

/** Reads saved state; anything that does not validate starts a fresh conversation. */
export function restoreConversation(saved: unknown): StoredTurn[] {
  const parsed = storedConversation.safeParse(saved);
  if (!parsed.success) return [];
  // A reload mid-answer leaves a turn marked streaming: it can only be interrupted now.
  return parsed.data.turns.map((turn) => (turn.status === 'streaming' ? { ...turn, status: 'interrupted' } : turn));
}

/**
 * The history sent with a new question: each earlier question with the answer it got. Pairs
 * whose answer is empty are left out so roles keep alternating.
 */
export function historyMessages(turns: readonly StoredTurn[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const question = turns[i];
    const answer = turns[i + 1];
    if (question.role !== 'user' || answer.role !== 'assistant') continue;
    if (answer.text.trim() && question.sent) messages.push({ role: 'user', content: question.sent }, { role: 'assistant', content: answer.text });
    i++;
  }
  return messages;
}
