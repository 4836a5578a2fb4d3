// app/api/webhooks/github/route.ts style handlers for CI triggers (Next.js app router).
import { timingSafeEqual, createHmac } from 'node:crypto';
import { triggerDeploy } from '../ci/deploy';

const secret = process.env.GITHUB_WEBHOOK_SECRET ?? '';

function signatureIsValid(rawBody: string, header: string | null): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const received = Buffer.from(header ?? '');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

// Correct: verified with an HMAC and a constant-time comparison.
export async function POST(req: Request) {
  const body = await req.text();
  if (!signatureIsValid(body, req.headers.get('x-hub-signature-256'))) {
    return new Response('bad signature', { status: 401 });
  }
  const payload = JSON.parse(body);
  if (payload.ref === 'refs/heads/main') await triggerDeploy(payload.after);
  return new Response(null, { status: 204 });
}

// The ops dashboard's "redeploy" hook only checks a shared token, and compares it unsafely.
export async function PUT(req: Request) {
  if (req.headers.get('x-deploy-token') !== process.env.DEPLOY_TOKEN) { // timing-unsafe-comparison
    return new Response('forbidden', { status: 403 });
  }
  await triggerDeploy('HEAD');
  return new Response(null, { status: 202 });
}
