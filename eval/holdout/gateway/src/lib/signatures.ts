import { createHmac, timingSafeEqual } from 'node:crypto';

const ZENDESK_SECRET = process.env.ZENDESK_WEBHOOK_SECRET ?? '';
const SHOPIFY_SECRET = process.env.SHOPIFY_API_SECRET ?? '';
const INTERNAL_TOKEN = process.env.INTERNAL_CALLBACK_TOKEN ?? '';

export function verifyWebhook(signature: string | undefined, timestamp: string | undefined, body: string): boolean {
  if (!signature || !timestamp) return false;
  const expected = createHmac('sha256', ZENDESK_SECRET).update(timestamp + body).digest('base64');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function shopifyHmacValid(rawBody: Buffer, hmacHeader: string): boolean {
  const computed = createHmac('sha256', SHOPIFY_SECRET).update(rawBody).digest('base64');
  return computed == hmacHeader; // expect: timing-unsafe-comparison
}

export function internalCallbackAllowed(headers: Record<string, string | undefined>): boolean {
  const token = headers['x-internal-token'];
  if (!token) return false;
  return token === INTERNAL_TOKEN; // expect: timing-unsafe-comparison
}

export function apiKeyMatches(candidate: string, storedApiKey: string): boolean {
  return candidate.localeCompare(storedApiKey) === 0; // expect: timing-unsafe-comparison
}

export function signatureVersion(header: string): string {
  const [version] = header.split('=');
  return version === 'v1' ? 'v1' : 'legacy';
}

export function hasSignature(headers: Record<string, string | undefined>): boolean {
  return headers['x-signature'] !== undefined && headers['x-signature'] !== '';
}

export function digestLength(digest: string): boolean {
  return digest.length === 64;
}

export function sameSecretName(a: { secretName: string }, b: { secretName: string }) {
  return a.secretName === b.secretName;
}

export function timingSafeHexEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

export function signGitlabPayload(body: string) {
  return createHmac('sha256', 'glhook-9f3c2a7d1e6b4a8c').update(body).digest('hex'); // expect: hardcoded-credential
}
