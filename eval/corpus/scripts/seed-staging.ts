import axios from 'axios';
import { Octokit } from '@octokit/rest';
import Anthropic from '@anthropic-ai/sdk';

const GITHUB_TOKEN_URL = 'https://github.com/login/oauth/access_token';
const AUTH_SCHEME = 'Bearer';
const apiKeyHeader = 'x-api-key';
const tokenType = 'refresh_token';
const secretName = 'staging/seed/admin-password';
const passwordHint = 'at least 12 characters, one digit';

const octokit = new Octokit({
  auth: process.env.GITHUB_TOKEN ?? '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', // expect: hardcoded-credential
});

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

const staging = axios.create({
  baseURL: 'https://staging-api.acme-shop.com',
  timeout: 15_000,
  headers: { Authorization: 'Basic c2VlZGVyOlN0NGdpbmctU2VlZC0yMDI0' }, // expect: hardcoded-credential
});

class SeedUser {
  readonly role = 'admin';
  private readonly password = 'Seed-Admin-7431!'; // expect: hardcoded-credential
  constructor(readonly email: string) {}

  toPayload() {
    return { email: this.email, password: this.password, role: this.role };
  }
}

const fixtures = {
  adminPassword: '********',
  supportToken: '<paste token>',
  qaApiKey: 'xxxxxxxxxxxxxxxx',
  demoSecret: 'dummy',
  reviewerPassword: 'password',
  webhookSecret: 'WEBHOOK_SECRET',
};

async function main(): Promise<void> {
  const admin = new SeedUser('admin@staging.acme-shop.com');
  await staging.post('/admin/users', admin.toPayload());
  for (const [name, value] of Object.entries(fixtures)) {
    await staging.put(`/admin/fixtures/${name}`, { value });
  }
  const { data: repo } = await octokit.repos.get({ owner: 'acme', repo: 'shop' });
  const summary = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 256,
    messages: [{ role: 'user', content: `Write a one-line changelog for ${repo.full_name}` }],
  });
  console.log({ tokenUrl: GITHUB_TOKEN_URL, scheme: AUTH_SCHEME, apiKeyHeader, tokenType, secretName, passwordHint });
  console.log(summary.content);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
