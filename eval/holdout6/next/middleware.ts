import { NextResponse, type NextRequest } from 'next/server';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

const issuer = process.env.AUTH_ISSUER!;
const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

function tenantOf(request: NextRequest): string | undefined {
  const raw = request.cookies.get('__session')?.value;
  if (!raw) return undefined;
  const claims = decodeJwt(raw); // expect: jwt-unverified
  return typeof claims.org_id === 'string' ? claims.org_id : undefined;
}

export async function middleware(request: NextRequest) {
  const token = request.cookies.get('__session')?.value;
  if (!token) return NextResponse.redirect(new URL('/sign-in', request.url));

  if (request.nextUrl.pathname.startsWith('/admin')) {
    const { payload } = await jwtVerify(token, jwks, { issuer });
    if (payload.role !== 'admin') return NextResponse.rewrite(new URL('/403', request.url));
  }

  const response = NextResponse.next();
  const tenant = tenantOf(request);
  if (tenant) response.headers.set('x-tenant', tenant);
  return response;
}

export const config = { matcher: ['/((?!_next|sign-in|api/webhooks).*)'] };
