// Configuration for the integrations service. Secrets come from the environment;
// the URL format is protocol://user:password@host/db, e.g. postgres://svc:hunter2pass@db.example.com/app.

export const config = {
  port: Number(process.env.PORT ?? 3000),
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY ?? 'sk_live_51NqGv2LkR7pQ8sTz3Wc9Yb4Xd6Ef1', // expect: hardcoded-credential
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
    publishableKey: 'pk_live_51NqGv2LkR7pQ8sTz3Wc9Yb4Xd6Ef1',
  },
  github: {
    appId: 419283,
    clientId: 'Iv1.8a61f9b3a2e4c7d0',
    clientSecret: process.env.GITHUB_CLIENT_SECRET || 'f3c9a7e1b2d4068a5c1e9f7b3d2a4c6e8f0b1d3a', // expect: hardcoded-credential
    tokenUrl: 'https://github.com/login/oauth/access_token',
  },
  mailgun: {
    apiKey: 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0', // expect: hardcoded-credential
    domain: 'mg.example.com',
  },
  auth: {
    passwordMinLength: 12,
    secretName: 'integrations/prod/jwt',
    keyId: 'integrations-2024-06',
    sessionSecret: 'CHANGE_ME_IN_PRODUCTION',
    jwtSecret: process.env.JWT_SECRET ?? 'your-jwt-secret',
    cookieSecret: process.env.COOKIE_SECRET ?? 'Zr8#pQ2!vN6$wL1@',  // expect: hardcoded-credential
  },
  slack: {
    webhookUrl: process.env.SLACK_WEBHOOK_URL,
    botToken: process.env.SLACK_BOT_TOKEN ?? '',
  },
  labels: {
    passwordHint: 'At least 12 characters',
    tokenLabel: 'Personal access token',
  },
};
