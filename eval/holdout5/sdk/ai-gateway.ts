import OpenAI from 'openai';
import { logger } from '../lib/logger';

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY ?? 'sk-proj-Rk2v9QxLmT4pZs8WnY3bHc6JdF1gUe7AoVi5KtNr0MwXyPq2LsBz', // expect: hardcoded-credential
  timeout: 60_000,
  maxRetries: 2,
});

const fallbackKey = process.env.ANTHROPIC_API_KEY;

export async function summarize(text: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [{ role: 'user', content: `Summarize:\n${text}` }],
  });
  const usage = completion.usage;
  logger.info({ tokensUsed: usage?.total_tokens, promptTokenCount: usage?.prompt_tokens }, 'summary generated');
  logger.debug({ hasFallback: Boolean(fallbackKey) }, 'fallback provider configured');
  return completion.choices[0]?.message.content ?? '';
}
