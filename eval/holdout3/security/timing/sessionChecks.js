const crypto = require('node:crypto');

const TokenState = Object.freeze({ ACTIVE: 'active', EXPIRED: 'expired' });

function verifyCsrf(req, res, next) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const sent = req.body?._csrf || req.get('x-csrf-token');
  if (!sent || sent !== req.session.csrfToken) { // expect: timing-unsafe-comparison
    return res.status(403).send('invalid csrf token');
  }
  next();
}

async function confirmEmail(req, res, db) {
  const { token } = req.params;
  const record = await db.emailConfirmations.findOne({ userId: req.user.id });
  if (!record || record.state === TokenState.EXPIRED) {
    return res.status(410).send('link expired');
  }
  const a = crypto.createHash('sha256').update(token).digest();
  const b = Buffer.from(record.tokenHash, 'hex');
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    return res.status(400).send('invalid link');
  }
  await db.users.update({ id: req.user.id }, { emailConfirmed: true });
  res.redirect('/welcome');
}

function resetPassword(req, res, users) {
  const user = users.byEmail(req.body.email);
  if (user && user.resetToken === req.body.resetToken && user.resetExpires > Date.now()) { // expect: timing-unsafe-comparison
    users.setPassword(user.id, req.body.newPassword);
    return res.send('password updated');
  }
  res.status(400).send('invalid or expired reset token');
}

function tokenIsPresent(req) {
  return req.get('authorization') !== undefined && req.get('authorization') !== '';
}

module.exports = { verifyCsrf, confirmEmail, resetPassword, tokenIsPresent };
