const fp = require('fastify-plugin');
const got = require('got');

module.exports = fp(async function upstream(fastify, opts) {
  const catalog = got.extend({ prefixUrl: 'https://catalog.example.com/api', responseType: 'json' }); // expect: missing-timeout
  const search = got.extend({ prefixUrl: 'https://search.example.com', timeout: { request: 3000 } });
  fastify.decorate('catalog', catalog);

  fastify.get('/products/:id', async (request) => {
    const { body } = await catalog.get(`products/${request.params.id}`);
    const related = await search.get('related', { searchParams: { id: request.params.id } }).json();
    const stock = await got(`https://stock.example.com/v1/${request.params.id}`, { timeout: 0, responseType: 'json' }); // expect: missing-timeout
    await got.post('https://audit.example.com/events', { json: { viewed: request.params.id }, timeout: { request: 2000 } });
    return { ...body, related, stock: stock.body };
  });

  fastify.post('/session/refresh', async (request) => {
    const body = request.body;
    request.log.debug(`refreshing with ${body.refresh_token}`); // expect: secret-in-log
    request.log.debug(`refreshing token ending ${body.refresh_token.length} chars`);
    const { body: tokens } = await got.post('https://auth.example.com/oauth/token', {
      form: { grant_type: 'refresh_token', refresh_token: body.refresh_token },
      timeout: { request: 5000 },
      responseType: 'json',
    });
    return { expiresIn: tokens.expires_in };
  });
}, { name: 'upstream' });
