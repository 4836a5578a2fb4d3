const axios = require('axios');
const axiosRetry = require('axios-retry');
const pRetry = require('p-retry');
const retry = require('async-retry');
const got = require('got');

const crm = axios.create({ baseURL: 'https://crm.example.com/api', timeout: 8000 });
axiosRetry(crm, { retries: 3 }); // expect: retry-without-backoff

const billing = axios.create({ baseURL: 'https://billing.example.com', timeout: 8000 });
axiosRetry(billing, { retries: 4, retryDelay: () => 1500 }); // expect: retry-without-backoff

const search = axios.create({ baseURL: 'https://search.example.com', timeout: 3000 });
axiosRetry(search, { retries: 5, retryDelay: axiosRetry.exponentialDelay });

const events = axios.create({ baseURL: 'https://events.example.com', timeout: 3000 });
axiosRetry(events, { retries: Infinity, retryDelay: axiosRetry.exponentialDelay }); // expect: unbounded-retry

async function submitOrder(order) {
  return pRetry(
    () => got.post('https://api.partner-shop.com/orders', { json: order, timeout: { request: 5000 } }).json(), // expect: missing-idempotency-key
    { retries: 5 },
  );
}

async function submitOrderKeyed(order) {
  return pRetry(
    () => got.post('https://api.partner-shop.com/orders', {
      json: order,
      headers: { 'Idempotency-Key': order.id },
      timeout: { request: 5000 },
    }).json(),
    { retries: 5 },
  );
}

async function fetchQuote(symbol) {
  return pRetry(() => got(`https://quotes.example.com/${symbol}`, { timeout: { request: 2000 } }).json(), {
    retries: Infinity, // expect: unbounded-retry
    minTimeout: 500,
  });
}

async function fetchRates() {
  return retry(async () => {
    const { data } = await crm.get('/rates');
    return data;
  }, { retries: 4, factor: 2, minTimeout: 300 });
}

module.exports = { crm, billing, search, events, submitOrder, submitOrderKeyed, fetchQuote, fetchRates };
