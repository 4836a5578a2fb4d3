import { NextResponse, type NextRequest } from 'next/server';
import { revalidateTag } from 'next/cache';
import { enqueueBuild } from '@/lib/builds';

export const runtime = 'nodejs';

export async function POST(request: NextRequest) { // expect: unverified-webhook
  const event = request.headers.get('x-github-event');
  const payload = await request.json();

  if (event === 'push' && payload.ref === 'refs/heads/main') {
    await enqueueBuild(payload.repository.full_name, payload.after);
    revalidateTag('docs');
  }
  return NextResponse.json({ queued: true }, { status: 202 });
}
