import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';
import axiosRetry from 'axios-retry';

export interface HttpClientOptions {
  baseURL: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** The one client factory every service package uses. */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const client = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 10_000,
    headers: { 'user-agent': '@acme/http-client', ...options.headers },
  });
  axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  return client;
}

/** Kept for the reporting service, which streams large exports. */
export function createStreamingClient(baseURL: string): AxiosInstance {
  return axios.create({ baseURL, responseType: 'stream', headers: { accept: 'text/csv' } }); // expect: missing-timeout
}

export function createFromDefaults(defaults: CreateAxiosDefaults): AxiosInstance {
  return axios.create(defaults);
}

export function createLegacyClient(baseURL: string): AxiosInstance {
  const client = axios.create({ baseURL, timeout: 5_000 });
  axiosRetry(client, { retries: 5 }); // expect: retry-without-backoff
  return client;
}

export function createPartnerClient(baseURL: string): AxiosInstance {
  const client = axios.create({ baseURL, timeout: 15_000 });
  axiosRetry(client, { retries: 4, retryDelay: () => 1_500, retryCondition: axiosRetry.isNetworkOrIdempotentRequestError }); // expect: retry-without-backoff
  return client;
}
