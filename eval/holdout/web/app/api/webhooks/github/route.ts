import { NextResponse, type NextRequest } from 'next/server';
import { Webhooks } from '@octokit/webhooks';
import { enqueueBuild } from '@/lib/builds';
import { logger } from '@/lib/logger';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET! });

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type PushPayload = {
  ref: string;
  after: string;
  repository: { full_name: string; default_branch: string };
  pusher: { name: string };
};

export async function POST(request: NextRequest) {
  const signature = request.headers.get('x-hub-signature-256') ?? '';
  const eventName = request.headers.get('x-github-event');
  const body = await request.text();

  const valid = await webhooks.verify(body, signature);
  if (!valid) {
    logger.warn({ eventName }, 'github delivery with bad signature');
    return NextResponse.json({ error: 'invalid signature' }, { status: 401 });
  }

  if (eventName !== 'push') {
    return NextResponse.json({ skipped: eventName });
  }

  const payload = JSON.parse(body) as PushPayload;
  if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) {
    return NextResponse.json({ skipped: payload.ref });
  }

  await enqueueBuild({
    repo: payload.repository.full_name,
    sha: payload.after,
    triggeredBy: payload.pusher.name,
  });
  return NextResponse.json({ queued: true }, { status: 202 });
}

export async function GET() {
  return NextResponse.json({ status: 'github webhook endpoint' });
}
