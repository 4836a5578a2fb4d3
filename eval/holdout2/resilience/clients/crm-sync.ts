import axios, { AxiosError, AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';
import tls from 'node:tls';
import { EventEmitter } from 'node:events';

type RetriableConfig = InternalAxiosRequestConfig & { __attempt?: number };

const CRM_HOST = process.env.CRM_HOST ?? 'crm.eu.internal';
const MAX_ATTEMPTS = 4;

/** Contacts API: retried from an interceptor so every caller gets the same policy. */
export const contacts: AxiosInstance = axios.create({
  baseURL: `http://${CRM_HOST}/api/contacts`,
  timeout: 6_000,
});

contacts.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as RetriableConfig | undefined;
  const status = error.response?.status;
  const retriable = !status || status === 429 || status >= 500;
  if (!config || !retriable || config.method !== 'get') throw error;
  config.__attempt = (config.__attempt ?? 0) + 1;
  if (config.__attempt >= MAX_ATTEMPTS) throw error;
  const wait = 2 ** config.__attempt * 150 + Math.random() * 150;
  await new Promise((r) => setTimeout(r, wait));
  return contacts.request(config);
});

/** Activity feed from the marketing automation vendor. */
export const activity = axios.create({
  baseURL: 'http://api.marketing-automation.example/v1/activity', // expect: insecure-transport
  timeout: 12_000,
});

// The vendor rate-limits aggressively; keep backing off until it lets us through.
axiosRetry(activity, { retries: Infinity, retryDelay: exponentialDelay }); // expect: unbounded-retry

export const deals = axios.create({ baseURL: 'https://deals.crm-vendor.example/api', timeout: 8_000 });
axiosRetry(deals, {
  retries: 3,
  retryDelay: (retryCount) => 2 ** retryCount * 200,
  retryCondition: (err) => axiosRetry.isNetworkError(err) || err.response?.status === 503,
});

/**
 * Change-data-capture stream from the CRM over TLS (line-delimited JSON). The connection is
 * recycled by the vendor every hour.
 */
export class CrmChangeStream extends EventEmitter {
  private socket?: tls.TLSSocket;
  private closing = false;

  constructor(private readonly host: string, private readonly port = 7443) {
    super();
  }

  open() {
    this.connect();
  }

  close() {
    this.closing = true;
    this.socket?.end();
  }

  private connect(): void { // expect: unbounded-retry, retry-without-backoff
    const socket = tls.connect({ host: this.host, port: this.port, servername: this.host, timeout: 30_000 });
    this.socket = socket;
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line) this.emit('change', JSON.parse(line));
      }
    });
    socket.on('timeout', () => socket.destroy(new Error('idle')));
    socket.on('error', (err) => this.emit('warn', err));
    socket.on('close', () => {
      if (this.closing) return;
      setTimeout(() => this.connect(), 2_000);
    });
  }
}

export async function searchContacts(query: string) {
  const { data } = await contacts.get('/search', { params: { q: query } });
  return data.items as Array<{ id: string; email: string }>;
}

export async function recentActivity(contactId: string) {
  const { data } = await activity.get(`/contacts/${contactId}`);
  return data;
}
