import https from 'node:https';
import tls from 'node:tls';
import axios from 'axios';
import got from 'got';
import request from 'request';
import { Agent as UndiciAgent, setGlobalDispatcher } from 'undici';
import { readFileSync } from 'node:fs';

const isProd = process.env.NODE_ENV === 'production';

if (process.env.ALLOW_SELF_SIGNED === '1') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

export const vendorAgent = new https.Agent({
  ca: readFileSync(process.env.VENDOR_CA_PATH ?? '/etc/ssl/vendor-ca.pem'),
  keepAlive: true,
  rejectUnauthorized: true,
});

export const stagingAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // expect: tls-verification-disabled
});

export const devAgent = new https.Agent({ rejectUnauthorized: isProd });

export const scada = axios.create({
  baseURL: 'https://scada-gateway.plant.acme-corp.com',
  timeout: 8000,
  httpsAgent: new https.Agent({
    checkServerIdentity: () => undefined, // expect: tls-verification-disabled
  }),
});

export const pinned = axios.create({
  baseURL: 'https://payments.bankpartner.com',
  timeout: 8000,
  httpsAgent: new https.Agent({
    checkServerIdentity: (host, cert) => {
      const err = tls.checkServerIdentity(host, cert);
      if (err) return err;
      if (cert.fingerprint256 !== process.env.BANK_CERT_FINGERPRINT) {
        return new Error('certificate fingerprint mismatch');
      }
      return undefined;
    },
  }),
});

export const legacyGot = got.extend({
  prefixUrl: 'https://legacy-billing.acme-corp.com',
  timeout: { request: 10000 },
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

export function legacySoapCall(body: string, cb: (err: Error | null, res?: unknown) => void) {
  request.post(
    {
      url: 'https://soap.insurer-partner.com/PolicyService',
      body,
      timeout: 15000,
      strictSSL: false, // expect: tls-verification-disabled
    },
    cb,
  );
}

setGlobalDispatcher(
  new UndiciAgent({
    connect: { rejectUnauthorized: !process.env.UNSAFE_TLS },
    headersTimeout: 10_000,
  }),
);

export const tlsSocketOptions: tls.ConnectionOptions = {
  host: 'mq.acme-corp.com',
  port: 5671,
  servername: 'mq.acme-corp.com',
  rejectUnauthorized: false, // expect: tls-verification-disabled
};

export function describeTls() {
  return {
    rejectUnauthorizedDefault: process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
    insecureOption: 'insecure: true is never allowed here',
  };
}
