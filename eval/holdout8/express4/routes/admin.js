var express = require('express');
var winston = require('winston');
var crypto = require('crypto');

var logger = winston.createLogger({ level: 'silly', transports: [new winston.transports.Console()] });
var router = express.Router();

router.use(function (req, res, next) {
  var authorization = req.get('authorization') || '';
  logger.verbose(`admin call ${req.path} auth ${authorization}`); // expect: secret-in-log
  logger.verbose(`admin call ${req.path} auth ${authorization ? 'present' : 'absent'}`);
  next();
});

router.post('/rotate-key', function (req, res) {
  var apiKey = crypto.randomBytes(24).toString('hex');
  logger.silly('rotated api key', apiKey); // expect: secret-in-log
  logger.info('rotated api key', { fingerprint: crypto.createHash('sha256').update(apiKey).digest('hex').slice(0, 12) });
  logger.info('key length', apiKey.length);
  res.json({ apiKey: apiKey });
});

router.post('/impersonate', function (req, res) {
  var tokensUsed = req.body.tokensUsed;
  logger.info('impersonation quota', tokensUsed);
  logger.info('impersonating with token', req.body.token.slice(8)); // expect: secret-in-log
  res.sendStatus(204);
});

module.exports = router;
