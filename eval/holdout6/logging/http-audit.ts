import winston from 'winston';
import axios, { type InternalAxiosRequestConfig } from 'axios';

const log = winston.createLogger({
  level: 'http',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

function mask(value: string | undefined) {
  return value ? `${value.slice(0, 4)}…${value.slice(-2)}` : undefined;
}

export const partnerApi = axios.create({ baseURL: 'https://partners.acme-travel.com/api', timeout: 12_000 });

partnerApi.interceptors.request.use((config: InternalAxiosRequestConfig) => {
  log.http('partner request', { method: config.method, url: config.url, auth: mask(config.headers.Authorization as string) });
  log.verbose('partner request headers', config.headers); // expect: secret-in-log
  return config;
});

partnerApi.interceptors.response.use(
  (response) => {
    log.http('partner response', { status: response.status, url: response.config.url, ms: response.headers['x-response-time'] });
    return response;
  },
  (error) => {
    log.error('partner call failed', { status: error.response?.status, cookie: error.config?.headers?.Cookie }); // expect: secret-in-log
    return Promise.reject(error);
  },
);
