module.exports = {
  smtp: {
    host: 'smtp.mailprovider.com',
    port: 465,
    secure: true,
    auth: { user: 'mailer@example.com', pass: 'mL3r9xQ2prodZ' }, // expect: hardcoded-credential
    tls: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  },
  redis: { url: 'redis://default:Rd5kPw8vLq@cache.prod.example.net:6379' }, // expect: hardcoded-credential
  cache: { url: 'redis://default:default@localhost:6379' },
  sentry: { dsn: 'https://abc123@o1.ingest.sentry.io/42' },
};
