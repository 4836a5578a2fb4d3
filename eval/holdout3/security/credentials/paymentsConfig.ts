import Stripe from 'stripe';

export const STRIPE_PUBLISHABLE_KEY = 'pk_live_51Nq8ZcF0aTQq2m3n4b5v6c7x8z9LkJhGfDsA';

const stripeSecretKey = process.env.STRIPE_SECRET_KEY ?? 'sk_live_eDFdvG737R1WzvIv535mcEToqiOZa2Sx'; // expect: hardcoded-credential

export const stripe = new Stripe(stripeSecretKey, { apiVersion: '2024-06-20', timeout: 15_000 });

// Sandbox client for the QA environment.
export const sandboxStripe = new Stripe('sk_test_MUwv5lfPlg6WZiJzSTMLSgRZLyORoumI', { apiVersion: '2024-06-20', timeout: 15_000 }); // expect: hardcoded-credential

export const webhookConfig = {
  endpointSecret: process.env.STRIPE_WEBHOOK_SECRET || '',
  tolerance: 300,
  signingSecretName: 'stripe/webhook-signing-secret',
};

export const fallbackWebhookSecret = 'whsec_7vQvuMMdHdMMs83KPfoUGcfgA2HF3DW5'; // expect: hardcoded-credential

export const docsPlaceholders = {
  secretKey: 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  publishableKey: 'pk_live_...',
  apiKey: 'YOUR_STRIPE_API_KEY',
};
