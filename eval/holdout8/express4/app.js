'use strict';
var express = require('express');
var cookieParser = require('cookie-parser');
var session = require('express-session');
var morgan = require('morgan');

var app = express();
app.use(morgan('combined'));
app.use(cookieParser('k3vinS3cr3tCook1e')); // expect: hardcoded-credential
app.use(session({
  name: 'sid',
  secret: process.env.SESSION_SECRET || 'keyboard-cat-prod-9f8e', // expect: hardcoded-credential
  resave: false,
  saveUninitialized: false,
}));
app.use(session({ name: 'admin.sid', secret: process.env.ADMIN_SESSION_SECRET || 'changeme', resave: false }));

app.use('/hooks', require('./routes/billing-hooks'));
app.use('/proxy', require('./routes/proxy'));

app.get('/healthz', function (req, res) {
  res.json({ ok: true, passwordPolicy: 'min-12-chars', tokenUrl: 'https://auth.example.com/oauth/token' });
});

app.listen(process.env.PORT || 3000);
