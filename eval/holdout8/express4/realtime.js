const http = require('http');
const jwt = require('jsonwebtoken');
const got = require('got');
const { WebSocketServer } = require('ws');
const app = require('./app');
const rooms = require('./lib/rooms');

const server = http.createServer(app);
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const claims = jwt.decode(url.searchParams.get('token')); // expect: jwt-unverified
  const room = rooms.get(url.searchParams.get('room'));
  if (!room || url.searchParams.get('key') == room.joinSecret) { // expect: timing-unsafe-comparison
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims, room));
  } else {
    socket.destroy();
  }
});

app.get('/oauth/callback', async (req, res) => {
  const tokens = await got.post('https://auth.example.com/oauth/token', {
    form: { grant_type: 'authorization_code', code: req.query.code, client_id: 'shop-web', client_secret: process.env.OAUTH_CLIENT_SECRET },
    timeout: { request: 5000 },
  }).json();
  const profile = jwt.decode(tokens.id_token);
  if (req.query.state === undefined || req.query.state.length !== 32) return res.sendStatus(400);
  req.session.user = { sub: profile.sub, email: profile.email };
  res.redirect('/');
});

server.listen(process.env.PORT || 3000);
