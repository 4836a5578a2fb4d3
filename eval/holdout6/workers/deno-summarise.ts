const OPENAI_API_KEY = Deno.env.get('OPENAI_API_KEY') ?? 'sk-proj-10FKhjVuYd19ZnCx4p7XkFeXf8EBQZijH3hWna8wjuJHNcohT3BlbkFJKUGQJD9NxvN8EjoZTQvN'; // expect: hardcoded-credential
const model = Deno.env.get('SUMMARY_MODEL') ?? 'gpt-4.1-mini';

async function summarise(text: string, signal: AbortSignal): Promise<string> {
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${OPENAI_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: `Summarise:\n${text}` }] }),
    signal,
  });
  if (!res.ok) throw new Error(`openai ${res.status}: ${await res.text()}`);
  const data = (await res.json()) as { choices: { message: { content: string } }[]; usage: { total_tokens: number } };
  console.log('summary generated', { model, tokensUsed: data.usage.total_tokens });
  return data.choices[0].message.content;
}

Deno.serve({ port: 8000 }, async (req) => {
  if (req.method !== 'POST') return new Response('method not allowed', { status: 405 });
  const { text } = (await req.json()) as { text: string };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20_000);
  try {
    return Response.json({ summary: await summarise(text, controller.signal) });
  } finally {
    clearTimeout(timer);
  }
});
