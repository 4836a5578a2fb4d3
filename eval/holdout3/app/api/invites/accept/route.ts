import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt, jwtVerify } from 'jose';
import { addMember, findTeam } from '@/lib/teams';

const INVITE_KEY = new TextEncoder().encode(process.env.INVITE_SIGNING_SECRET);

type InviteClaims = { teamId: string; email: string; role: 'member' | 'admin' };

export async function POST(request: NextRequest) {
  const { inviteToken } = (await request.json()) as { inviteToken: string };
  const claims = decodeJwt(inviteToken) as unknown as InviteClaims; // expect: jwt-unverified
  const team = await findTeam(claims.teamId);
  if (!team) {
    return NextResponse.json({ error: 'team not found' }, { status: 404 });
  }
  await addMember(team.id, claims.email, claims.role);
  return NextResponse.json({ joined: team.name });
}

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token');
  if (!token) return NextResponse.json({ valid: false });
  try {
    const { payload } = await jwtVerify(token, INVITE_KEY, { algorithms: ['HS256'] });
    return NextResponse.json({ valid: true, teamId: payload.teamId });
  } catch {
    return NextResponse.json({ valid: false });
  }
}
