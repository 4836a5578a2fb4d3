import axios from 'axios';
import crossFetch from 'cross-fetch';

const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';
const openaiApiKey = process.env.OPENAI_API_KEY || 'sk-proj-Xa8Ve2Lq7Rt3Nb9Wm4Kc1Hs6Jd0Pf5GzT3BlbkFJq2Ws8Ex4Rd6Tf1Yg9Uh3Ij7'; // expect: hardcoded-credential

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export async function complete(messages: ChatMessage[], userSignal?: AbortSignal): Promise<string> {
  const signals = [AbortSignal.timeout(30_000)];
  if (userSignal) signals.push(userSignal);
  const res = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: { authorization: `Bearer ${openaiApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages }),
    signal: AbortSignal.any(signals),
  });
  if (!res.ok) throw new Error(`openai: ${res.status}`);
  const body = (await res.json()) as { choices: { message: ChatMessage }[] };
  return body.choices[0].message.content;
}

export async function moderation(input: string): Promise<boolean> {
  const res = await crossFetch('https://api.openai.com/v1/moderations', { // expect: missing-timeout
    method: 'POST',
    headers: { authorization: `Bearer ${openaiApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  if (!res.ok) return false;
  const body = await res.json();
  return body.results?.[0]?.flagged === true;
}

export async function embed(texts: string[]): Promise<number[][]> {
  const { data } = await axios({ // expect: missing-timeout
    method: 'post',
    url: 'https://api.openai.com/v1/embeddings',
    headers: { authorization: `Bearer ${openaiApiKey}` },
    data: { model: 'text-embedding-3-small', input: texts },
  });
  return data.data.map((d: { embedding: number[] }) => d.embedding);
}

export async function transcribe(audioUrl: string): Promise<string> {
  const { data } = await axios.post( // expect: missing-timeout
    'https://api.openai.com/v1/audio/transcriptions',
    { url: audioUrl, model: 'whisper-1' },
    { headers: { authorization: `Bearer ${openaiApiKey}` }, timeout: Infinity },
  );
  return data.text;
}

export function describeConfig(): string {
  return `assistant configured, key ${openaiApiKey ? 'present' : 'absent'}`;
}
