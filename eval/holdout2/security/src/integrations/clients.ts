import crypto from 'node:crypto';
import axios from 'axios';
import cookieParser from 'cookie-parser';
import express from 'express';
import jwt from 'jsonwebtoken';
import Stripe from 'stripe';
import twilio from 'twilio';
import { WebClient } from '@slack/web-api';

const env = process.env;

// --- payments -------------------------------------------------------------
export const stripe = new Stripe(env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
export const legacyStripe = new Stripe('sk_live_51nKDSRMBRcE1umVEmtbN9xf3y76UCX9gnW0I6h5EG', { apiVersion: '2024-06-20' }); // expect: hardcoded-credential
export const sandboxStripe = new Stripe('sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', { apiVersion: '2024-06-20' });

// --- messaging ------------------------------------------------------------
export const sms = twilio('ACe73acfc067c4c858603ba53ce68fd9f4', 'f5fcab7cb3a9c56906b98c8caab18496'); // expect: hardcoded-credential
export const smsFromEnv = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN);
export const slack = new WebClient('xoxb-384506422343-6627372634162-9hYp50pUvN9xsXHSE2myPuFk'); // expect: hardcoded-credential

// --- session / tokens -----------------------------------------------------
export const app = express();
app.use(cookieParser('c0okie-S1gning-9f2e')); // expect: hardcoded-credential

export function issueServiceToken(service: string): string {
  return jwt.sign({ sub: service, scope: 'internal' }, 'svc-jwt-signing-2024-Qx', { expiresIn: '5m' }); // expect: hardcoded-credential
}

export function issueUserToken(userId: string): string {
  return jwt.sign({ sub: userId }, env.JWT_SECRET!, { expiresIn: '15m', algorithm: 'HS256' });
}

export function signExport(body: string): string {
  return crypto.createHmac('sha256', 'exp0rt-hmac-k3y-77').update(body).digest('hex'); // expect: hardcoded-credential
}

export function checksum(body: string): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

export function signPartnerPayload(body: string): string {
  return crypto.createHmac('sha256', env.PARTNER_HMAC_KEY ?? '').update(body).digest('base64');
}

// --- outbound HTTP ----------------------------------------------------------
export const ledger = axios.create({
  baseURL: 'https://ledger.acme.io/v1',
  timeout: 5000,
  headers: { Authorization: 'Bearer 7f3c9a1e5b2d8f0c4a6e9b1d3f5a7c9e' }, // expect: hardcoded-credential
});

export const partner = axios.create({
  baseURL: 'https://api.partner-logistics.com',
  timeout: 5000,
  headers: { 'X-Api-Key': 'plg_4Kd8Wq2Zr7Vn1Tx6' }, // expect: hardcoded-credential
});

export const geo = axios.create({
  baseURL: 'https://geo.acme.io',
  timeout: 3000,
  headers: { Authorization: `Bearer ${env.GEO_TOKEN}` },
});

export const warehouse = axios.create({
  baseURL: 'https://wms.acme-logistics.com/api',
  timeout: 8000,
  auth: { username: 'acme-sync', password: 'Wms-Sync-Pw-2291' }, // expect: hardcoded-credential
});

export async function fetchInventory(sku: string) {
  const basic = Buffer.from(`${env.WMS_USER}:${env.WMS_PASSWORD}`).toString('base64');
  const res = await fetch(`https://wms.acme-logistics.com/api/inventory/${encodeURIComponent(sku)}`, {
    headers: { Authorization: 'Basic ' + basic, Accept: 'application/json' },
    credentials: 'include',
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`inventory ${res.status}`);
  return res.json();
}

export async function fetchLegacyReport(id: string) {
  const res = await fetch(`https://reports.acme-legacy.com/r/${id}`, {
    headers: { Authorization: 'Basic cmVwb3J0czpSM3AwcnQtUmVhZGVyLTk5' }, // expect: hardcoded-credential
    credentials: 'same-origin',
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`report ${res.status}`);
  return res.text();
}

export async function postToSlack(text: string) {
  const res = await fetch(env.SLACK_WEBHOOK_URL ?? 'https://hooks.slack.com/services/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', { // expect: hardcoded-credential
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) throw new Error(`slack ${res.status}`);
}

const AUTH_SCHEME = 'Bearer';
const tokenHeader = 'X-Service-Token';
const keyId = 'k-2024-06-a';
const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/partner-AbCdEf';
const passwordPolicy = 'min=12,upper=1,digit=1';
export const meta = { AUTH_SCHEME, tokenHeader, keyId, secretArn, passwordPolicy };
