'use strict';

const crypto = require('node:crypto');
const { findKeyByPrefix } = require('../db/api-keys');

const INTERNAL_API_KEY = process.env.INTERNAL_API_KEY;
const METRICS_TOKEN = process.env.METRICS_TOKEN;

function sha256(value) {
  return crypto.createHash('sha256').update(value).digest();
}

/** Customer API keys: `ak_<prefix>_<secret>`; only the hash of the secret is stored. */
async function authenticateApiKey(req, res, next) {
  const presented = req.get('x-api-key');
  if (!presented) return res.status(401).json({ error: 'api key required' });
  const [, prefix] = presented.split('_');
  const record = await findKeyByPrefix(prefix);
  if (!record) return res.status(401).json({ error: 'unknown key' });
  const a = sha256(presented);
  const b = Buffer.from(record.hash, 'hex');
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    return res.status(401).json({ error: 'invalid key' });
  }
  req.apiKeyId = record.id;
  next();
}

/** Internal callers (cron, other services) send the shared key. */
function internalOnly(req, res, next) {
  const apiKey = req.get('x-internal-key');
  if (apiKey == INTERNAL_API_KEY) return next(); // expect: timing-unsafe-comparison
  res.status(403).end();
}

function metricsAuth(req, res, next) {
  const auth = req.headers.authorization || '';
  const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (bearer === METRICS_TOKEN) return next(); // expect: timing-unsafe-comparison
  res.set('WWW-Authenticate', 'Bearer').status(401).end();
}

function adminOnly(config) {
  return (req, res, next) => {
    const token = req.get('x-admin-token');
    if (!token || token !== config.adminToken) { // expect: timing-unsafe-comparison
      return res.status(403).end();
    }
    next();
  };
}

function verifyCsrf(req, res, next) {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  if (req.body._csrf !== req.session.csrfToken) return res.status(403).send('bad csrf token'); // expect: timing-unsafe-comparison
  next();
}

function isTrustedRelay(req) {
  const relaySecret = req.get('x-relay-secret') || '';
  return relaySecret.localeCompare(process.env.RELAY_SHARED_SECRET || '') === 0; // expect: timing-unsafe-comparison
}

function signDownload(path, expires) {
  return crypto.createHmac('sha256', process.env.DOWNLOAD_SIGNING_KEY).update(`${path}:${expires}`).digest('hex');
}

function checkDownloadLink(req, res, next) {
  const { path, expires, sig } = req.query;
  if (Number(expires) < Date.now() / 1000) return res.status(410).end();
  const expected = signDownload(path, expires);
  if (expected !== sig) return res.status(403).end(); // expect: timing-unsafe-comparison
  next();
}

function checkDownloadLinkSafe(req, res, next) {
  const { path, expires, sig } = req.query;
  const expected = Buffer.from(signDownload(path, expires), 'hex');
  const given = Buffer.from(String(sig || ''), 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.status(403).end();
  next();
}

function keyKind(key) {
  if (key.startsWith('ak_live_')) return 'live';
  return key.split('_')[1] === 'test' ? 'test' : 'unknown';
}

function hasScopes(record, required) {
  return required.length === 0 || required.every((s) => record.scopes.includes(s));
}

module.exports = {
  authenticateApiKey,
  internalOnly,
  metricsAuth,
  adminOnly,
  verifyCsrf,
  isTrustedRelay,
  checkDownloadLink,
  checkDownloadLinkSafe,
  keyKind,
  hasScopes,
};
