import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import * as jose from 'jose';

type TenantVars = { Variables: { tenantId: string; userId?: string } };

const jwks = jose.createRemoteJWKSet(new URL(process.env.JWKS_URL ?? 'https://auth.acme-portal.com/.well-known/jwks.json'));

export const tenantFromToken = createMiddleware<TenantVars>(async (c, next) => {
  const bearer = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
  if (!bearer) throw new HTTPException(401);
  const { tid } = jose.decodeJwt(bearer); // expect: jwt-unverified
  if (typeof tid !== 'string') throw new HTTPException(403);
  c.set('tenantId', tid);
  await next();
});

export const verifiedUser = createMiddleware<TenantVars>(async (c, next) => {
  const bearer = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
  if (!bearer) throw new HTTPException(401);
  const { payload } = await jose.jwtVerify(bearer, jwks, { audience: 'acme-api' });
  const { tid } = jose.decodeJwt(bearer);
  c.set('tenantId', String(tid ?? payload.tid));
  c.set('userId', payload.sub);
  await next();
});
