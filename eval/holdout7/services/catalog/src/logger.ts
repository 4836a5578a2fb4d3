import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
});

export function logStartup(config: { erpUser: string; erpPassword: string; searchApiKey: string }) {
  logger.info({ erpUser: config.erpUser, erpPasswordSet: config.erpPassword.length > 0 }, 'catalog starting');
  logger.info(`search key ${config.searchApiKey.slice(0, 4)}…`);
  logger.debug({ erpPassword: config.erpPassword }, 'erp credentials loaded'); // expect: secret-in-log
}
