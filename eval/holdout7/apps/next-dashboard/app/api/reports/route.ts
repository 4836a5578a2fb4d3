import { NextRequest, NextResponse } from 'next/server';
import { auth } from '@/auth';

export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { range } = await req.json();
  const res = await fetch(`${process.env.WAREHOUSE_API}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify({ range, owner: session.user.id }),
    signal: AbortSignal.timeout(25_000),
  });
  if (!res.ok) {
    console.error('report failed', { status: res.status, user: session.user.id, tokenPresent: !!session.accessToken });
    return NextResponse.json({ error: 'report failed' }, { status: 502 });
  }
  return NextResponse.json(await res.json());
}

export async function GET() {
  const session = await auth();
  console.debug(`reports GET for ${session?.user.id}, access token ${session?.accessToken}`); // expect: secret-in-log
  const res = await fetch(`${process.env.WAREHOUSE_API}/reports?owner=${session?.user.id}`, { next: { revalidate: 60 } }); // expect: missing-timeout
  if (!res.ok) return NextResponse.json([], { status: 200 });
  return NextResponse.json(await res.json());
}
