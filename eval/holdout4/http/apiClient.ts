import axios, { AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
import { env } from '../config/env';

// Shared client for the core API; every service module imports this instance.
export const apiClient = axios.create({ // expect: missing-timeout
  baseURL: env.CORE_API_URL,
  headers: { 'Content-Type': 'application/json' },
});

axiosRetry(apiClient, { retries: 3, retryCondition: isRetryable }); // expect: retry-without-backoff

function isRetryable(error: AxiosError): boolean {
  return axiosRetry.isNetworkOrIdempotentRequestError(error) || error.response?.status === 429;
}

apiClient.interceptors.request.use((config) => {
  config.headers.set('X-Request-Id', crypto.randomUUID());
  return config;
});

export async function getAccount(id: string) {
  const { data } = await apiClient.get(`/accounts/${id}`);
  return data;
}

export async function updateAccount(id: string, patch: Record<string, unknown>) {
  const { data } = await apiClient.patch(`/accounts/${id}`, patch);
  return data;
}
