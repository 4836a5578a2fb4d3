import Fastify from 'fastify';
import axios from 'axios';
import { Logger } from '@nestjs/common';

const app = Fastify({ logger: true });

const upstream = axios.create({ baseURL: 'https://api.catalogix.com', timeout: 5_000 });

upstream.interceptors.request.use((config) => {
  console.debug('outbound request', config.method?.toUpperCase(), config.url, config.headers); // expect: secret-in-log
  return config;
});

upstream.interceptors.response.use(
  (response) => response,
  (error) => {
    console.error('upstream failed', error.config?.url, error.response?.status);
    return Promise.reject(error);
  },
);

app.addHook('onRequest', async (request) => {
  request.log.info({ url: request.url, authorization: request.headers.authorization }, 'incoming'); // expect: secret-in-log
});

app.get('/products/:id', async (request, reply) => {
  const { id } = request.params as { id: string };
  reply.log.debug({ id, ua: request.headers['user-agent'] }, 'product lookup');
  const { data } = await upstream.get(`/products/${id}`);
  return data;
});

export class SessionService {
  private readonly logger = new Logger(SessionService.name);

  create(userId: string, cookie: string, req: { headers: Record<string, string> }) {
    this.logger.verbose(`session cookie for ${userId}: ${cookie}`); // expect: secret-in-log
    this.logger.debug(req.headers); // expect: secret-in-log
    this.logger.log(`session created for ${userId}`);
  }
}
