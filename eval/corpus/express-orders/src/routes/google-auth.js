'use strict';

const express = require('express');
const jwt = require('jsonwebtoken');
const { OAuth2Client } = require('google-auth-library');
const { upsertGoogleUser, createSession } = require('../services/customers');
const logger = require('../lib/logger');

const router = express.Router();
const googleClient = new OAuth2Client(process.env.GOOGLE_CLIENT_ID);

router.post('/auth/google/one-tap', express.urlencoded({ extended: false }), async (req, res) => {
  const { credential, g_csrf_token: csrfBody } = req.body;
  if (!csrfBody || csrfBody !== req.cookies.g_csrf_token) { // expect: timing-unsafe-comparison
    return res.status(400).send('CSRF check failed');
  }
  const profile = jwt.decode(credential); // expect: jwt-unverified
  if (!profile || !profile.email_verified) return res.status(401).send('unverified email');
  const user = await upsertGoogleUser({ googleId: profile.sub, email: profile.email, name: profile.name });
  await createSession(res, user);
  res.redirect('/account');
});

router.post('/auth/google/token', express.json(), async (req, res) => {
  try {
    const ticket = await googleClient.verifyIdToken({ idToken: req.body.idToken, audience: process.env.GOOGLE_CLIENT_ID });
    const payload = ticket.getPayload();
    const user = await upsertGoogleUser({ googleId: payload.sub, email: payload.email, name: payload.name });
    await createSession(res, user);
    res.json({ ok: true });
  } catch (err) {
    logger.warn({ err: err.message, cookie: req.headers.cookie }, 'google token rejected'); // expect: secret-in-log
    res.status(401).json({ error: 'invalid_token' });
  }
});

router.get('/auth/session', (req, res) => {
  const hasSession = Boolean(req.cookies.sid);
  logger.debug({ hasSession, userAgent: req.get('user-agent') }, 'session probe');
  res.json({ authenticated: hasSession });
});

module.exports = router;
