const request = require('request');
const got = require('got');

const env = process.env.APP_ENV || 'development';

if (env === 'development' || env === 'ci') {
  // Self-signed certs on the local docker stack.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled
}

function legacyInventoryClient() {
  return request.defaults({
    baseUrl: 'https://inventory.corp-legacy.net',
    strictSSL: false, // expect: tls-verification-disabled
    timeout: 10000,
    json: true,
  });
}

const vendorApi = got.extend({
  prefixUrl: 'https://vendor.supplyhub.biz/api',
  timeout: { request: 8000 },
  https: { rejectUnauthorized: env === 'production' },
});

const staging = got.extend({
  prefixUrl: 'https://staging.supplyhub.biz/api',
  timeout: { request: 8000 },
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

module.exports = { legacyInventoryClient, vendorApi, staging };
