const restify = require('restify');
const https = require('https');
const bunyan = require('bunyan');
const users = require('./users');

const log = bunyan.createLogger({ name: 'catalog' });
const server = restify.createServer({ name: 'catalog', log });
server.use(restify.plugins.bodyParser());

function fetchUpstream(path, cb) {
  const req = https.get({ host: 'inventory.example.com', path }, (res) => { // expect: missing-timeout
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => cb(null, JSON.parse(body)));
  });
  req.on('error', cb);
}

function fetchPrices(path, cb) {
  const req = https.get({ host: 'prices.example.com', path }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => cb(null, JSON.parse(body)));
  });
  req.setTimeout(4000, () => req.destroy(new Error('prices timeout')));
  req.on('error', cb);
}

function fetchStock(path, cb) {
  https.request({ host: 'stock.example.com', path, method: 'GET', timeout: 3000 }, (res) => res.resume().on('end', cb)).end();
}

server.post('/login', async (req, res) => {
  log.info({ user: req.body.username, password: req.body.password }, 'login attempt'); // expect: secret-in-log
  log.info({ user: req.body.username, hasPassword: Boolean(req.body.password) }, 'login attempt');
  const session = await users.login(req.body.username, req.body.password);
  log.debug({ sessionToken: session.token ? 'set' : 'missing' }, 'session');
  res.send(200, { ok: true });
});

server.get('/items/:sku', (req, res, next) => {
  fetchUpstream('/items/' + req.params.sku, (err, item) => {
    if (err) return next(err);
    fetchPrices('/prices/' + req.params.sku, () => fetchStock('/stock/' + req.params.sku, () => res.send(item)));
  });
});

server.listen(8080);
