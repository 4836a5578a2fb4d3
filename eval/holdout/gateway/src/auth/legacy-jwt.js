const jwt = require('jsonwebtoken');
const cookieParser = require('cookie-parser');
const express = require('express');
const users = require('../services/users');
const log = require('../logger');

const app = express();
app.use(cookieParser('k3v9Qm2pX7rT4wZs8bNc')); // expect: hardcoded-credential

const SIGNING_KEY = process.env.JWT_SIGNING_KEY;
const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;

function issueToken(user) {
  return jwt.sign({ sub: user.id, role: user.role }, SIGNING_KEY, { expiresIn: '1h', algorithm: 'HS256' });
}

function issueServiceToken(service) {
  return jwt.sign({ sub: service, aud: 'internal' }, 'svc-Jw7pN2xQ9rT5kLm3', { expiresIn: '5m' }); // expect: hardcoded-credential
}

function verifyPartnerToken(token) {
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256', 'none'] }); // expect: jwt-unverified
}

function verifyAccess(token) {
  return jwt.verify(token, SIGNING_KEY, { algorithms: ['HS256'] });
}

function userFromSocket(upgradeRequest) {
  const url = new URL(upgradeRequest.url, 'http://localhost');
  const token = url.searchParams.get('token');
  const claims = jwt.decode(token); // expect: jwt-unverified
  return claims && claims.sub;
}

function readRefreshClaims(refreshToken) {
  return jwt.decode(refreshToken); // expect: jwt-unverified
}

app.post('/login', express.json(), async (req, res) => {
  const user = await users.checkPassword(req.body.email, req.body.password);
  if (!user) {
    log.warn(`failed login for ${req.body.email}`);
    return res.status(401).end();
  }
  const token = issueToken(user);
  log.info({ userId: user.id, tokenLength: token.length }, 'login');
  res.json({ token });
});

app.get('/me', (req, res) => {
  const token = (req.headers.authorization || '').slice(7);
  try {
    const claims = verifyAccess(token);
    res.json({ id: claims.sub, role: claims.role });
  } catch (err) {
    log.warn(`rejected token ${token}`); // expect: secret-in-log
    res.status(401).end();
  }
});

app.post('/refresh', express.json(), (req, res) => {
  const claims = readRefreshClaims(req.body.refreshToken);
  if (!claims || claims.exp * 1000 < Date.now()) return res.status(401).end();
  res.json({ token: issueToken({ id: claims.sub, role: claims.role }) });
});

app.get('/debug/claims', (req, res) => {
  const claims = jwt.decode(req.headers['x-debug-token']); // expect: jwt-unverified
  log.debug({ claims }, 'debug claims');
  res.json(claims);
});

app.get('/ws-ticket', (req, res) => {
  const decoded = jwt.decode(req.cookies.session);
  const verified = jwt.verify(req.cookies.session, SIGNING_KEY, { algorithms: ['HS256'] });
  res.json({ sub: verified.sub, iat: decoded.iat });
});

function attachSocketAuth(server, wss) {
  server.on('upgrade', (request, socket, head) => {
    const userId = userFromSocket(request);
    if (!userId) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, userId));
  });
}

module.exports = { app, attachSocketAuth, issueToken, issueServiceToken, verifyPartnerToken, userFromSocket };
