// Application settings for the billing service.
import Stripe from 'stripe';
import jwt from 'jsonwebtoken';
import cookieParser from 'cookie-parser';
import express from 'express';

export const settings = {
  port: Number(process.env.PORT ?? 3000),
  // Reported: a live Stripe key kept as a "temporary" fallback.
  stripeSecretKey: process.env.STRIPE_SECRET_KEY ?? 'sk_live_51NqXk2ZvKYlo2CtTqB8vEe6Lr0pWm3Hd',
  database: {
    host: process.env.DB_HOST ?? 'localhost',
    user: 'billing',
    // Reported: a production password in the source.
    password: 'Bi11ing-Pr0d-2024!',
  },
  // Fine: read from the environment, with no literal fallback.
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? '',
  // Fine: a placeholder documents what goes here.
  partnerApiKey: process.env.PARTNER_API_KEY ?? 'your-partner-api-key',
  // Reported: the password is embedded in the URL and the host is not local.
  reportingDbUrl: 'postgres://reporting:R3p0rting-Secret@reports.db.internal.example.com:5432/reports',
  // Fine: a local development database.
  devDbUrl: 'postgres://billing:billing-dev-pw@localhost:5432/billing',
};

export const stripe = new Stripe(settings.stripeSecretKey);

export function issueSessionToken(userId: string): string {
  // Reported: the signing secret is a literal, so anyone with the repo can mint sessions.
  return jwt.sign({ sub: userId }, 'billing-jwt-signing-key-v2', { expiresIn: '1h' });
}

export function partnerHeaders(token: string): Record<string, string> {
  return {
    // Fine: the credential comes from the caller.
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
}

export const legacyPartnerHeaders = {
  // Reported: a bearer token pasted in from a curl example.
  Authorization: 'Bearer 7f3c9a1e5b2d4f6a8c0e',
};

export async function loadProfile(url: string): Promise<Response> {
  // Fine: `credentials` here is fetch's cookie mode, not a credential.
  return fetch(url, { credentials: 'include', signal: AbortSignal.timeout(5_000) });
}

const app = express();
// Fine: the cookie secret comes from the environment.
app.use(cookieParser(process.env.COOKIE_SECRET));
