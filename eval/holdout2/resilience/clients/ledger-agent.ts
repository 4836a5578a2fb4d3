import https from 'node:https';
import tls, { PeerCertificate } from 'node:tls';
import { readFileSync } from 'node:fs';
import { Agent, request, fetch as undiciFetch } from 'undici';
import axios from 'axios';

/**
 * Transport configuration for the core-banking ledger. Production uses mutual TLS with a
 * pinned intermediate; the sandbox is a vendor box with a self-signed certificate.
 */
const caBundle = readFileSync(process.env.LEDGER_CA_PATH ?? '/etc/ssl/ledger/ca.pem');
const PINNED_SHA256 = (process.env.LEDGER_PIN_SHA256 ?? '').toUpperCase();

function pinnedIdentity(host: string, cert: PeerCertificate): Error | undefined {
  const err = tls.checkServerIdentity(host, cert);
  if (err) return err;
  if (PINNED_SHA256 && cert.fingerprint256 !== PINNED_SHA256) {
    return new Error(`certificate pin mismatch for ${host}`);
  }
  return undefined;
}

export const productionAgent = new https.Agent({
  keepAlive: true,
  maxSockets: 32,
  ca: caBundle,
  cert: readFileSync('/etc/ssl/ledger/client.crt'),
  key: readFileSync('/etc/ssl/ledger/client.key'),
  rejectUnauthorized: true,
  checkServerIdentity: pinnedIdentity,
});

export const sandboxAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // expect: tls-verification-disabled
});

const ledgerDispatcher = new Agent({
  connect: { ca: caBundle, checkServerIdentity: pinnedIdentity },
  keepAliveTimeout: 10_000,
  headersTimeout: 15_000,
  bodyTimeout: 30_000,
});

const reportingDispatcher = new Agent({
  connect: {
    ca: caBundle,
    checkServerIdentity: () => undefined, // expect: tls-verification-disabled
  },
});

const LEDGER = process.env.LEDGER_ORIGIN ?? 'https://ledger.corebank.example';

export async function balance(accountId: string) {
  const { statusCode, body } = await request(`${LEDGER}/accounts/${accountId}/balance`, {
    dispatcher: ledgerDispatcher,
  });
  if (statusCode !== 200) throw new Error(`ledger balance ${statusCode}`);
  return (await body.json()) as { available: string; currency: string };
}

export async function statement(accountId: string, month: string) {
  const res = await undiciFetch(`${LEDGER}/accounts/${accountId}/statements/${month}`, { // expect: missing-timeout
    dispatcher: reportingDispatcher,
  });
  if (!res.ok) throw new Error(`statement ${res.status}`);
  return res.arrayBuffer();
}

export async function postings(accountId: string, since: string) {
  const res = await undiciFetch(`${LEDGER}/accounts/${accountId}/postings?since=${since}`, {
    dispatcher: ledgerDispatcher,
    signal: AbortSignal.timeout(20_000),
  });
  return res.json(); // expect: unchecked-response-status
}

export const sandboxClient = axios.create({
  baseURL: 'https://sandbox.corebank.example',
  httpsAgent: sandboxAgent,
  timeout: 10_000,
});

export const productionClient = axios.create({
  baseURL: LEDGER,
  httpsAgent: productionAgent,
  timeout: 10_000,
});

/** Used by the TLS diagnostics page to show what the server presented. */
export function inspectCertificate(host: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: host, ca: caBundle, timeout: 5_000 }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on('error', reject);
  });
}
