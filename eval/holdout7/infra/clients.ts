import Stripe from 'stripe';
import { Octokit } from '@octokit/rest';
import twilio from 'twilio';
import OpenAI from 'openai';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? 'sk_live_51PqRsTuVwXyZ0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV', { timeout: 20_000 }); // expect: hardcoded-credential

export const stripeSandbox = new Stripe('sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxx', { timeout: 20_000 });

export const octokit = new Octokit({ auth: 'ghp_R8tK2vLm9QwXz4Pn7Yb3Hc6Jd1Fs5Ge0Ua2B', request: { timeout: 10_000 } }); // expect: hardcoded-credential

export const sms = twilio('AC8f2d9c1b7e6a5f4d3c2b1a0e9f8d7c6b', process.env.TWILIO_AUTH_TOKEN);

export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });

export const maps = {
  apiKey: 'AIzaSyB4kQ9x7Lm2Vn5Pz8Rt1Wy3Ce6Gh0Jk4Ms', // expect: hardcoded-credential
  tokenUrl: 'https://oauth2.googleapis.com/token',
  secretName: 'projects/acme/secrets/maps-signing',
  passwordPolicy: 'min 12 chars, one digit',
};

export const partnerHeaders = {
  Authorization: 'Basic cGFydG5lcjpTM2NyZXQtUGFydG5lcg==', // expect: hardcoded-credential
  'Content-Type': 'application/json',
};

// Example from the vendor docs: curl -H "Authorization: Bearer api_xxx" https://api.vendor.dev
export const docsSample = { authorization: '<your token here>', region: 'eu' };

export const aws = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };

export const fetchOptions: RequestInit = { credentials: 'include', mode: 'cors' };
