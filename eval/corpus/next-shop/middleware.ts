import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt, jwtVerify } from 'jose';

const ADMIN_SECRET = new TextEncoder().encode(process.env.ADMIN_SESSION_SECRET);

async function adminGuard(request: NextRequest): Promise<NextResponse> {
  const adminToken = request.cookies.get('admin_session')?.value;
  if (!adminToken) return NextResponse.redirect(new URL('/login', request.url));
  try {
    const { payload } = await jwtVerify(adminToken, ADMIN_SECRET, { algorithms: ['HS256'] });
    if (payload.role !== 'admin') return NextResponse.redirect(new URL('/', request.url));
  } catch {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}

function accountGuard(request: NextRequest): NextResponse {
  const session = request.cookies.get('session')?.value;
  if (!session) return NextResponse.redirect(new URL('/login', request.url));
  const { exp, sub } = decodeJwt(session); // expect: jwt-unverified
  if (!exp || exp * 1000 < Date.now()) {
    return NextResponse.redirect(new URL('/login?expired=1', request.url));
  }
  const res = NextResponse.next();
  res.headers.set('x-customer-id', String(sub));
  return res;
}

export async function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/admin')) return adminGuard(request);
  if (pathname.startsWith('/account')) return accountGuard(request);
  return NextResponse.next();
}

export const config = {
  matcher: ['/admin/:path*', '/account/:path*'],
};
