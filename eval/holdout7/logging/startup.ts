import pino from 'pino';

const log = pino({ name: 'gateway' });

interface Settings {
  stripeSecretKey: string;
  githubToken: string;
  sessionSecret: string;
  databaseUrl: string;
  tokensPerMinute: number;
}

export function reportSettings(settings: Settings) {
  log.info({ tokensPerMinute: settings.tokensPerMinute }, 'rate limits');
  log.info(`stripe key ${settings.stripeSecretKey.slice(0, 7)}…, github token ${settings.githubToken ? 'set' : 'missing'}`);
  log.info(`session secret: ${settings.sessionSecret}`); // expect: secret-in-log
  console.info('DB password:', process.env.DB_PASSWORD); // expect: secret-in-log
  log.warn({ webhookSecret: mask(process.env.WEBHOOK_SECRET ?? '') }, 'webhook secret loaded');
  console.log('github token (tail)', settings.githubToken.slice(4)); // expect: secret-in-log
}

function mask(value: string): string {
  return value ? `${value.slice(0, 3)}***` : '';
}
