'use strict';

const axios = require('axios');
const axiosRetry = require('axios-retry').default;
const https = require('https');

const inventory = axios.create({ // expect: missing-timeout
  baseURL: 'http://inventory.acme-logistics.com/api/v2', // expect: insecure-transport
  headers: { 'X-Client': 'orders-api' },
});

axiosRetry(inventory, { retries: 3 }); // expect: retry-without-backoff

inventory.interceptors.request.use((config) => {
  if (process.env.DEBUG_HTTP) {
    console.debug('-> %s %s', config.method, config.url, config.headers); // expect: secret-in-log
  }
  return config;
});

const tax = axios.create({
  baseURL: 'https://api.taxrates.io/v1',
  timeout: 5000,
  headers: { Authorization: `Bearer ${process.env.TAXRATES_API_KEY}` },
  httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 20 }),
});

axiosRetry(tax, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => axiosRetry.isNetworkOrIdempotentRequestError(error),
});

tax.interceptors.response.use(undefined, (error) => {
  console.warn('tax api failed', error.config && error.config.url, error.response && error.response.status);
  return Promise.reject(error);
});

async function reserveStock(sku, quantity) {
  const { data } = await inventory.post('/reservations', { sku, quantity });
  return data.reservationId;
}

async function releaseStock(reservationId) {
  await inventory.delete(`/reservations/${reservationId}`);
}

async function rateFor(postalCode) {
  const { data } = await tax.get('/rates', { params: { postalCode } });
  return data.rate;
}

async function fetchExchangeRate(from, to) {
  const res = await axios.get('https://api.exchangerate.host/convert', { // expect: missing-timeout
    params: { from, to },
  });
  return res.data.result;
}

async function notifyWarehouse(event) {
  await axios.post('https://hooks.acme-logistics.com/orders', event, { timeout: 3000 });
}

module.exports = { reserveStock, releaseStock, rateFor, fetchExchangeRate, notifyWarehouse };
