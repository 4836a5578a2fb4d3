'use strict';

const express = require('express');
const cookieParser = require('cookie-parser');
const helmet = require('helmet');
const session = require('express-session');
const pino = require('pino');

const webhooksRouter = require('./routes/webhooks');
const { createOrder, getOrder } = require('./services/orders');
const { requireApiKey } = require('./lib/auth');

const logger = pino({ level: process.env.LOG_LEVEL || 'info' });
const app = express();

app.use(helmet());
app.use(cookieParser('c0ok1e-s1gn1ng-2f9a7e41b8')); // expect: hardcoded-credential
app.use(
  session({
    name: 'orders.sid',
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: false, httpOnly: true, sameSite: 'lax' },
  }),
);

// Raw bodies are needed for signature checks, so the webhook router is mounted first.
app.use('/webhooks', webhooksRouter);
app.use(express.json({ limit: '1mb' }));

app.use((req, res, next) => {
  const started = Date.now();
  res.on('finish', () => {
    logger.info(
      { method: req.method, url: req.originalUrl, status: res.statusCode, ms: Date.now() - started },
      'request completed',
    );
  });
  next();
});

app.post('/api/orders', requireApiKey, async (req, res, next) => {
  try {
    const order = await createOrder(req.body, { customerId: req.customer.id });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

app.get('/api/orders/:id', requireApiKey, async (req, res, next) => {
  try {
    const order = await getOrder(req.params.id);
    if (!order) return res.status(404).json({ error: 'not_found' });
    res.json(order);
  } catch (err) {
    next(err);
  }
});

app.get('/healthz', (req, res) => {
  res.json({ ok: true, docs: 'http://developer.acme-orders.com/status' });
});

app.use((err, req, res, next) => {
  logger.error({ err, path: req.path, userAgent: req.get('user-agent') }, 'unhandled error');
  res.status(err.status || 500).json({ error: 'internal_error' });
});

const port = Number(process.env.PORT || 3000);
app.listen(port, '0.0.0.0', () => {
  logger.info(`orders api listening on http://0.0.0.0:${port}`);
});

module.exports = app;
