import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

type Provider = 'anthropic' | 'openai';

export class AiGateway {
  private readonly anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, timeout: 60_000, maxRetries: 2 });
  private readonly openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 60_000 });
  private readonly selfHosted = new OpenAI({
    apiKey: process.env.LLM_PROXY_KEY,
    baseURL: 'http://llm-proxy.acme-ml.com/v1', // expect: insecure-transport
    timeout: 120_000,
  });
  private readonly localModel = new OpenAI({ apiKey: process.env.OLLAMA_KEY ?? '', baseURL: 'http://localhost:11434/v1' });

  async complete(provider: Provider, prompt: string) {
    if (provider === 'anthropic') {
      const msg = await this.anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] });
      return msg.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    }
    const chat = await this.openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: prompt }] });
    return chat.choices[0]?.message.content ?? '';
  }
}

export const evalHarnessConfig = {
  provider: 'anthropic' as Provider,
  anthropicApiKey: 'sk-ant-api03-cCWve4S9Nr-xtHDQlzgf4JY0e3h-G_nLddPUnsx6jIiUV_JczDNV1kNSHbIZrUbzgBZUS-QXRbw2t3AhAA', // expect: hardcoded-credential
  openaiApiKey: process.env.OPENAI_API_KEY ?? '',
  maxTokensPerCase: 2048,
};
