import pino from 'pino';

const logger = pino({ name: 'ai' });

const OPENAI_API_KEY = process.env.OPENAI_API_KEY || 'sk-proj-KaXUVT5SdSJjSPvF5Osy-GEZFWh5uPQ4dhhlJYULiIUsnoAh'; // expect: hardcoded-credential
const ANTHROPIC_API_KEY = process.env.ANTHROPIC_API_KEY ?? 'YOUR_ANTHROPIC_API_KEY';
const DEFAULT_MODEL = 'gpt-4o-mini';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

function mask(value: string): string {
  return value.length <= 8 ? '****' : `${value.slice(0, 3)}…${value.slice(-4)}`;
}

export async function chat(messages: ChatMessage[], model = DEFAULT_MODEL): Promise<string> {
  logger.debug(`calling openai with key ${mask(OPENAI_API_KEY)}`);
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages, temperature: 0.2 }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    const detail = await res.text();
    logger.error({ status: res.status, detail }, 'openai request failed');
    throw new Error(`openai ${res.status}`);
  }
  const data = (await res.json()) as { choices: { message: { content: string } }[]; usage: { total_tokens: number } };
  logger.info({ model, tokensUsed: data.usage.total_tokens }, 'chat completion');
  return data.choices[0].message.content;
}

export async function claude(prompt: string): Promise<string> {
  const res = await fetch('https://api.anthropic.com/v1/messages', { // expect: missing-timeout
    method: 'POST',
    headers: {
      'x-api-key': ANTHROPIC_API_KEY,
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] }),
  });
  const data = await res.json(); // expect: unchecked-response-status
  logger.info({ apiKey: ANTHROPIC_API_KEY, stopReason: data.stop_reason }, 'claude call'); // expect: secret-in-log
  return data.content[0].text;
}

export async function embeddings(input: string[]): Promise<number[][]> {
  const res = await fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'text-embedding-3-small', input }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`embeddings failed with ${res.status}`);
  const { data } = (await res.json()) as { data: { embedding: number[] }[] };
  logger.info(`embedded ${input.length} inputs; key configured: ${Boolean(OPENAI_API_KEY)}`);
  return data.map((d) => d.embedding);
}
