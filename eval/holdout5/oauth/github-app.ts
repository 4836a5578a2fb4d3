import { Octokit } from '@octokit/rest';
import { createAppAuth } from '@octokit/auth-app';

const installationToken = process.env.GH_INSTALLATION_TOKEN || 'ghp_8fK2mQ7vX4pL9nR3tY6wB1zC5dH0jS2aE7uG'; // expect: hardcoded-credential

export const botClient = new Octokit({ auth: installationToken, request: { timeout: 15_000 } });

export const appClient = new Octokit({
  authStrategy: createAppAuth,
  auth: {
    appId: Number(process.env.GH_APP_ID),
    privateKey: process.env.GH_APP_PRIVATE_KEY,
    installationId: Number(process.env.GH_INSTALLATION_ID),
  },
  request: { timeout: 15_000 },
});

export const readOnlyClient = new Octokit({ auth: process.env.GITHUB_TOKEN });

export async function openIssue(repo: string, title: string) {
  const [owner, name] = repo.split('/');
  return appClient.issues.create({ owner, repo: name, title, labels: ['integration'] });
}
