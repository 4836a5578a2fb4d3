import jwt from 'jsonwebtoken';
import crypto from 'node:crypto';
import cookieParser from 'cookie-parser';
import twilio from 'twilio';
import express from 'express';

const app = express();
app.use(cookieParser('s3ss10n-s1gn1ng-k3y-2024')); // expect: hardcoded-credential

export function issueInviteToken(teamId: string, email: string): string {
  return jwt.sign({ teamId, email }, 'invite-links-signing-v2', { expiresIn: '7d' }); // expect: hardcoded-credential
}

export function readInviteToken(token: string) {
  return jwt.verify(token, process.env.INVITE_SECRET as string, { algorithms: ['HS256'] });
}

export function signExport(body: Buffer): string {
  return crypto.createHmac('sha256', 'exp0rt-hmac-k3y!').update(body).digest('base64'); // expect: hardcoded-credential
}

export function signCallback(body: string): string {
  return crypto.createHmac('sha256', process.env.CALLBACK_SECRET ?? 'changeme').update(body).digest('hex');
}

export const sms = twilio(process.env.TWILIO_ACCOUNT_SID, '1a31a43ed2d7ba331e19a64a6ef68778'); // expect: hardcoded-credential

export function checksum(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export const accountSid = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e';
