import jwt from 'jsonwebtoken';

export function tenantFromToken() {
  return async (ctx, next) => {
    const raw = (ctx.get('authorization') || '').replace(/^Bearer /, '');
    const claims = jwt.decode(raw); // expect: jwt-unverified
    ctx.state.tenant = claims && claims.tenant;
    await next();
  };
}

export function requireUser(secretProvider) {
  return async (ctx, next) => {
    const raw = ctx.cookies.get('sid');
    const payload = jwt.verify(raw, secretProvider(), { algorithms: ['HS256'] });
    const header = jwt.decode(raw, { complete: true });
    ctx.state.user = { id: payload.sub, kid: header.header.kid };
    await next();
  };
}

export function legacyVerify(publicKey) {
  return async (ctx, next) => {
    const token = ctx.query.access_token;
    ctx.state.user = jwt.verify(token, publicKey, { algorithms: ['RS256', 'none'] }); // expect: jwt-unverified
    await next();
  };
}
