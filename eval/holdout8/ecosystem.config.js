module.exports = {
  apps: [
    {
      name: 'shop-api',
      script: 'dist/server.js',
      instances: 'max',
      env: {
        NODE_ENV: 'development',
        DATABASE_URL: 'postgres://shop:shop@db.dev.example.net:5432/shop',
      },
      env_production: {
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_51Nq7rTb2LkX9mPq4VzR8sWcY3hJd6FaE', // expect: hardcoded-credential
        SESSION_SECRET: 'SESSION_SECRET',
        SENTRY_DSN: process.env.SENTRY_DSN,
      },
    },
    {
      name: 'shop-worker',
      script: 'dist/worker.js',
      env_production: { GITHUB_TOKEN: process.env.GITHUB_TOKEN || 'ghp_R8kZp2Lq7WmX4vNc9TbY3sHd6FjA1gEu5KoQ' }, // expect: hardcoded-credential
    },
  ],
};
