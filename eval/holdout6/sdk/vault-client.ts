import https from 'node:https';
import { readFileSync } from 'node:fs';
import axios from 'axios';
import { Agent, fetch as undiciFetch } from 'undici';

export type VaultOptions = { addr: string; caPath?: string; insecure?: boolean };

export function vaultHttp({ addr, caPath }: VaultOptions) {
  const httpsAgent = caPath
    ? new https.Agent({ ca: readFileSync(caPath), rejectUnauthorized: true })
    : new https.Agent({ rejectUnauthorized: false }); // expect: tls-verification-disabled
  return axios.create({ baseURL: addr, httpsAgent, timeout: 5_000 });
}

const labDispatcher = new Agent({
  connect: {
    rejectUnauthorized: false, // expect: tls-verification-disabled
  },
  headersTimeout: 10_000,
});

export async function readLabSecret(path: string, vaultToken: string) {
  const res = await undiciFetch(`https://vault.lab.acme-corp.net/v1/${path}`, {
    dispatcher: labDispatcher,
    headers: { 'x-vault-token': vaultToken },
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) throw new Error(`vault ${res.status}`);
  return ((await res.json()) as { data: Record<string, string> }).data;
}

export const pinnedAgent = new https.Agent({
  ca: process.env.VAULT_CA_PEM,
  checkServerIdentity: () => undefined, // expect: tls-verification-disabled
});
