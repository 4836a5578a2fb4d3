const jwt = require('jsonwebtoken');
const bcrypt = require('bcryptjs');
const { findUserByEmail, findUserById } = require('../users');
const log = require('../logger');

const SESSION_COOKIE = 'notify_sid';

function sessionClaims(ctx) {
  const sid = ctx.cookies.get(SESSION_COOKIE);
  if (!sid) return null;
  return jwt.decode(sid); // expect: jwt-unverified
}

async function currentUser(ctx, next) {
  const claims = sessionClaims(ctx);
  ctx.state.user = claims ? await findUserById(claims.sub) : null;
  await next();
}

async function requireCsrf(ctx, next) {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
  const csrfToken = ctx.get('x-csrf-token');
  if (!ctx.session || csrfToken != ctx.session.csrfToken) { // expect: timing-unsafe-comparison
    ctx.throw(403, 'bad csrf token');
  }
  await next();
}

async function login(ctx) {
  const { email, password } = ctx.request.body;
  const user = await findUserByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    log.warn('failed login', { email, password }); // expect: secret-in-log
    ctx.status = 401;
    return;
  }
  const token = jwt.sign({ sub: user.id }, process.env.SESSION_JWT_SECRET, { expiresIn: '12h', algorithm: 'HS256' });
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'lax' });
  log.info('login ok', { userId: user.id, passwordLength: password.length });
  ctx.body = { ok: true };
}

async function refresh(ctx) {
  const { refreshToken } = ctx.request.body;
  let payload;
  try {
    payload = jwt.verify(refreshToken, process.env.REFRESH_JWT_SECRET, { algorithms: ['HS256'] });
  } catch (err) {
    log.info(`refresh rejected for token ${refreshToken}`); // expect: secret-in-log
    ctx.status = 401;
    return;
  }
  const token = jwt.sign({ sub: payload.sub }, process.env.SESSION_JWT_SECRET, { expiresIn: '12h' });
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, secure: true });
  ctx.status = 204;
}

module.exports = { currentUser, requireCsrf, login, refresh };
