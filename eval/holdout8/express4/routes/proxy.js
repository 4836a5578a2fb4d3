var rp = require('request-promise');
var needle = require('needle');
var superagent = require('superagent');
var logger = require('../lib/logger');

exports.weather = function (req, res, next) {
  superagent.get('https://api.weather.example.com/v1/current') // expect: missing-timeout
    .query({ q: req.query.city })
    .set('Accept', 'application/json')
    .then(function (r) { res.json(r.body); })
    .catch(next);
};

exports.forecast = function (req, res, next) {
  superagent.get('https://api.weather.example.com/v1/forecast')
    .query({ q: req.query.city })
    .timeout({ response: 5000, deadline: 15000 })
    .then(function (r) { res.json(r.body); }, next);
};

exports.geocode = function (req, res, next) {
  needle('get', 'https://geo.example.org/lookup?q=' + encodeURIComponent(req.query.q), { json: true })
    .then(function (r) { res.json(r.body); })
    .catch(next);
};

exports.legacyRates = function (req, res, next) {
  needle.get('http://rates.partner-bank.com/fx/latest', function (err, r) { // expect: insecure-transport
    if (err) return next(err);
    res.json(r.body);
  });
};

exports.inventory = function (req, res, next) {
  logger.info('inventory request', req.headers); // expect: secret-in-log
  logger.info('inventory request from', req.headers['user-agent']);
  rp({
    uri: 'http://10.0.4.12:8080/inventory/' + req.params.sku, // expect: insecure-transport
    json: true,
    timeout: 5000,
  }).then(function (body) { res.json(body); }).catch(next);
};

exports.localStock = function (req, res, next) {
  rp({ uri: 'http://127.0.0.1:9090/stock/' + req.params.sku, json: true, timeout: 2000 })
    .then(function (body) { res.json(body); })
    .catch(next);
};
