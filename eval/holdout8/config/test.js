module.exports = {
  db: { host: 'localhost', user: 'shop', password: 'test' },
  smtp: { auth: { user: 'mailer', pass: 'xxxxxxxx' }, tls: { rejectUnauthorized: true } },
  stripe: { secretKey: 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
};
