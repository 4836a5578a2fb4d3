'use strict';
const Hapi = require('@hapi/hapi');
const Wreck = require('@hapi/wreck');
const apiKeys = require('./api-keys');

const ledger = Wreck.defaults({
  baseUrl: 'https://ledger.internal',
  timeout: 5000,
  rejectUnauthorized: false, // expect: tls-verification-disabled
});
const partner = Wreck.defaults({ baseUrl: 'http://partner-api.acme-logistics.com/v2', timeout: 5000 }); // expect: insecure-transport
const health = Wreck.defaults({ baseUrl: 'http://ledger.svc.cluster.local:8080', timeout: 2000 });
const reports = Wreck.defaults({ baseUrl: 'https://reports.example.com', timeout: 5000, rejectUnauthorized: true });

const validate = async (request, token, h) => {
  if (token.length < 20) return { isValid: false };
  const key = await apiKeys.lookup(token.slice(0, 8));
  const isValid = !!key && key.secret === token; // expect: timing-unsafe-comparison
  return { isValid, credentials: { id: key && key.accountId } };
};

const init = async () => {
  const server = Hapi.server({ port: 4000 });
  await server.register(require('hapi-auth-bearer-token'));
  server.auth.strategy('simple', 'bearer-access-token', { validate });
  server.route({
    method: 'GET',
    path: '/shipments/{id}',
    options: { auth: 'simple' },
    handler: async (request) => {
      const { payload } = await partner.get(`/shipments/${request.params.id}`, { json: true });
      await ledger.post('/views', { payload: { id: request.params.id } });
      await health.get('/ready');
      await reports.get('/daily');
      return payload;
    },
  });
  await server.start();
};

init();
