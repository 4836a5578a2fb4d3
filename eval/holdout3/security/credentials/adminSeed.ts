import bcrypt from 'bcryptjs';
import { db } from '../db';

interface SeedUser {
  email: string;
  password: string;
  role: 'admin' | 'staff';
}

const passwordLabel = 'Choose a strong password';
const resetTokenUrl = 'https://id.teamspace.app/reset';
const secretName = 'prod/app/admin-bootstrap';
const tokensUsed = 0;

const users: SeedUser[] = [
  { email: 'ops@teamspace.app', password: 'W1nt3r!sC0ming#42', role: 'admin' }, // expect: hardcoded-credential
  { email: 'support@teamspace.app', password: 'changeme', role: 'staff' },
  { email: 'qa@teamspace.app', password: process.env.QA_PASSWORD ?? '', role: 'staff' },
];

const integrationDefaults = {
  apiKey: 'YOUR_API_KEY',
  authToken: 'SESSION_TOKEN',
  clientSecret: 'clientSecret',
  webhookSecret: '<generate with openssl rand -hex 32>',
  accessToken: '{{ACCESS_TOKEN}}',
  dbPass: 'short',
  smtpPassword: 'Mail service password',
};

export async function connectLegacy(host: string, user = 'svc_reporting', password = 'rep0rting-Pa55-2023') { // expect: hardcoded-credential
  return db.connectExternal({ host, user, password });
}

export async function seed() {
  console.info(passwordLabel, resetTokenUrl, secretName, tokensUsed);
  for (const u of users) {
    const hash = await bcrypt.hash(u.password, 12);
    await db.user.upsert({ where: { email: u.email }, create: { email: u.email, hash, role: u.role }, update: {} });
  }
  return integrationDefaults;
}

export const crmHeaders = {
  Authorization: 'Bearer 8f14e45fceea167a5a36dedd4bea2543', // expect: hardcoded-credential
  'Content-Type': 'application/json',
};
