'use strict';

const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { findCustomerByKeyId } = require('../services/customers');

const DOWNLOAD_LINK_SECRET = process.env.DOWNLOAD_LINK_SECRET;

function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

async function requireApiKey(req, res, next) {
  const header = req.get('x-api-key') || '';
  const [keyId, secret] = header.split('.');
  if (!keyId || !secret) return res.status(401).json({ error: 'missing_api_key' });
  const customer = await findCustomerByKeyId(keyId);
  if (!customer) return res.status(401).json({ error: 'invalid_api_key' });
  const hashed = crypto.createHash('sha256').update(secret).digest('hex');
  if (!safeEqual(hashed, customer.apiKeyHash)) {
    return res.status(401).json({ error: 'invalid_api_key' });
  }
  req.customer = customer;
  next();
}

function requireAdminToken(req, res, next) {
  const adminToken = req.get('x-admin-token');
  if (!adminToken || adminToken !== process.env.ADMIN_TOKEN) { // expect: timing-unsafe-comparison
    return res.status(403).end();
  }
  next();
}

function signedDownload(req, res, next) {
  const { orderId, expires, sig } = req.query;
  if (Number(expires) < Date.now() / 1000) return res.status(410).end();
  const expected = crypto.createHmac('sha256', DOWNLOAD_LINK_SECRET).update(`${orderId}:${expires}`).digest('hex');
  if (sig.localeCompare(expected) !== 0) return res.status(403).end(); // expect: timing-unsafe-comparison
  next();
}

function customerFromQueryToken(req, res, next) {
  const claims = jwt.decode(req.query.token); // expect: jwt-unverified
  if (!claims || !claims.customerId) return res.status(401).end();
  req.customer = { id: claims.customerId };
  next();
}

function readClaims(token) {
  return jwt.decode(token, { json: true }); // expect: jwt-unverified
}

function optionalIdentity(req, res, next) {
  const auth = req.get('authorization');
  if (auth && auth.startsWith('Bearer ')) {
    req.claimedIdentity = readClaims(auth.slice('Bearer '.length));
  }
  next();
}

function verifiedIdentity(req, res, next) {
  const auth = req.get('authorization') || '';
  const token = auth.replace(/^Bearer\s+/i, '');
  try {
    req.identity = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], audience: 'orders-api' });
    next();
  } catch (err) {
    res.status(401).json({ error: 'invalid_token', reason: err.name });
  }
}

module.exports = { requireApiKey, requireAdminToken, signedDownload, customerFromQueryToken, optionalIdentity, verifiedIdentity };
