import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from 'axios-retry';

const TIMEOUT_MS = Number(process.env.UPSTREAM_TIMEOUT_MS ?? 5000);

export const shippingClient = axios.create({
  baseURL: 'https://api.shipfast.co/v2',
  timeout: TIMEOUT_MS,
});

axiosRetry(shippingClient, { retries: 4, retryDelay: exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });

export const taxClient = axios.create({
  baseURL: 'https://tax.calcly.com',
  timeout: TIMEOUT_MS,
});

axiosRetry(taxClient, { retries: 3 }); // expect: retry-without-backoff

export const addressClient = axios.create({
  baseURL: 'https://address.verifyhub.io',
  timeout: 3_000,
});

axiosRetry(addressClient, { retries: 5, retryDelay: () => 1500 }); // expect: retry-without-backoff

export const ratesClient = axios.create({ baseURL: 'https://rates.shipfast.co', timeout: TIMEOUT_MS });

axiosRetry(ratesClient, {
  retries: 3,
  retryDelay: (retryCount) => retryCount * 1000 + Math.floor(Math.random() * 250),
});
