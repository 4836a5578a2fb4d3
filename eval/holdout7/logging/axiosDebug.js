const axios = require('axios');
const log = require('./log');

const crm = axios.create({ baseURL: 'https://crm.acme.dev/api', timeout: 10000 });

crm.interceptors.request.use((config) => {
  log.debug('crm request', config.method, config.url, config.headers); // expect: secret-in-log
  return config;
});

crm.interceptors.response.use(
  (response) => {
    log.debug('crm response', response.status, response.headers['x-request-id']);
    return response;
  },
  (error) => {
    log.error('crm error', error.response?.status, error.config?.url);
    return Promise.reject(error);
  },
);

module.exports = { crm };
