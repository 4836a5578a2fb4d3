import fp from 'fastify-plugin';
import jwt from 'jsonwebtoken';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';

const JWKS = createRemoteJWKSet(new URL('https://auth.billing-co.io/.well-known/jwks.json'));
const ISSUER = 'https://auth.billing-co.io/';

declare module 'fastify' {
  interface FastifyRequest {
    user?: { sub: string; tenantId: string; scopes: string[] };
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme === 'Bearer' ? value : undefined;
}

export default fp(async (fastify) => {
  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    if (!token) return reply.code(401).send({ error: 'unauthorized' });
    try {
      const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER, audience: 'billing-api' });
      request.user = {
        sub: String(payload.sub),
        tenantId: String(payload.tenant_id),
        scopes: String(payload.scope ?? '').split(' '),
      };
    } catch (err) {
      request.log.info({ err: (err as Error).message }, 'token rejected');
      return reply.code(401).send({ error: 'invalid_token' });
    }
  });

  // Internal dashboards pass the identity token from the SSO proxy; only the tenant is needed here.
  fastify.decorate('tenantFromProxy', async (request: FastifyRequest, reply: FastifyReply) => {
    const idToken = request.headers['x-forwarded-id-token'] as string | undefined;
    if (!idToken) return reply.code(401).send();
    const claims = jwt.decode(idToken) as { tenant_id?: string; email?: string } | null; // expect: jwt-unverified
    if (!claims?.tenant_id) return reply.code(403).send();
    request.user = { sub: claims.email ?? 'unknown', tenantId: claims.tenant_id, scopes: ['read'] };
  });

  fastify.decorate('legacySession', async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.cookies?.legacy_session;
    if (!raw) return reply.code(401).send();
    const decoded = jwt.decode(raw, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') return reply.code(401).send();
    const key = await fastify.legacyKeys.get(decoded.header.kid as string);
    const payload = jwt.verify(raw, key, { algorithms: ['RS256'] }) as jwt.JwtPayload;
    request.user = { sub: String(payload.sub), tenantId: String(payload.tid), scopes: [] };
  });

  fastify.decorate('serviceToken', async (request: FastifyRequest, reply: FastifyReply) => {
    const presented = request.headers['x-service-token'];
    if (typeof presented !== 'string' || presented.length === 0) {
      return reply.code(401).send();
    }
    const secret = process.env.SERVICE_JWT_SECRET as string;
    const payload = jwt.verify(presented, secret, { algorithms: ['HS256', 'none'] }) as jwt.JwtPayload; // expect: jwt-unverified
    request.user = { sub: String(payload.sub), tenantId: 'internal', scopes: ['service'] };
  });
});
