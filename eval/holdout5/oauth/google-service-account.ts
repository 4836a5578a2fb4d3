import { GoogleAuth } from 'google-auth-library';

// Credentials for the reporting job. Rotated 2026-03; see the secrets runbook.
const serviceAccount = {
  type: 'service_account',
  project_id: 'acme-reporting-prod',
  client_email: 'reporting-job@acme-reporting-prod.iam.gserviceaccount.com',
  private_key_id: '4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7k3Xq9vJmZt2L\nq8Hn4Yd0Rb5Tc1We6Pf3Ks7Ua2Mx9Gv0Lj4Nh8Qe1Rd5Sb2Zc6Ya3Xf7Wg9Vh0Ui\nT4pKs8mBn2Lq7Cv5Xd1Ye3Zf9Ag6Bh0Ci4Dj8Ek2Fl5Gm1Hn7Io3Jp9Kq6Lr0Ms\n-----END PRIVATE KEY-----\n', // expect: hardcoded-credential
};

const auth = new GoogleAuth({
  credentials: serviceAccount,
  scopes: ['https://www.googleapis.com/auth/analytics.readonly'],
});

const envAuth = new GoogleAuth({
  keyFile: process.env.GOOGLE_APPLICATION_CREDENTIALS,
  scopes: ['https://www.googleapis.com/auth/bigquery'],
});

export async function reportingClient() {
  return auth.getClient();
}

export async function warehouseClient() {
  return envAuth.getClient();
}
