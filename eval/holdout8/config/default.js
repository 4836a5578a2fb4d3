module.exports = {
  server: { port: 3000, sessionTtlSeconds: 3600 },
  db: {
    host: 'db.prod.example.net',
    user: 'shop',
    password: 'S9dvX2pQ7mLk', // expect: hardcoded-credential
  },
  oauth: {
    clientId: 'shop-web',
    clientSecret: process.env.OAUTH_CLIENT_SECRET,
    tokenUrl: 'https://auth.example.com/oauth/token',
    secretName: 'shop/oauth',
  },
  stripe: { secretKey: '<set in local.js>', webhookSecret: '${STRIPE_WEBHOOK_SECRET}' },
  mail: { apiKey: 'your-mailgun-key' },
};
