const express = require('express');
const crypto = require('node:crypto');
const { enqueueBuild } = require('../ci/queue');

const app = express();
const GITHUB_WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET;

function signatureMatches(rawBody, header) {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(
    'sha256=' + crypto.createHmac('sha256', GITHUB_WEBHOOK_SECRET).update(rawBody).digest('hex'),
  );
  const received = Buffer.from(header);
  return expected.length === received.length && crypto.timingSafeEqual(expected, received);
}

app.post('/github/events', express.raw({ type: '*/*' }), async (req, res) => {
  if (!signatureMatches(req.body, req.get('x-hub-signature-256'))) {
    return res.status(401).end();
  }
  const payload = JSON.parse(req.body.toString('utf8'));
  if (req.get('x-github-event') === 'push') {
    await enqueueBuild(payload.repository.full_name, payload.after);
  }
  res.status(202).end();
});

module.exports = app;
