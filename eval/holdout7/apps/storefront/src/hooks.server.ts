import type { Handle, RequestEvent } from '@sveltejs/kit';
import { decodeJwt, jwtVerify, createRemoteJWKSet } from 'jose';
import { env } from '$env/dynamic/private';

const JWKS = createRemoteJWKSet(new URL(`${env.AUTH_ISSUER}/.well-known/jwks.json`));

async function loadUser(event: RequestEvent) {
  const session = event.cookies.get('session');
  if (!session) return;
  const { payload } = await jwtVerify(session, JWKS, { issuer: env.AUTH_ISSUER });
  event.locals.user = { id: payload.sub!, email: payload.email as string };
}

export const handle: Handle = async ({ event, resolve }) => {
  await loadUser(event);
  const preview = event.cookies.get('preview_token');
  if (preview) {
    const claims = decodeJwt(preview); // expect: jwt-unverified
    event.locals.previewRef = claims.ref as string;
  }
  const csrfToken = event.cookies.get('csrf');
  if (event.request.method === 'POST' && csrfToken !== event.request.headers.get('x-csrf-token')) { // expect: timing-unsafe-comparison
    return new Response('forbidden', { status: 403 });
  }
  return resolve(event);
};
