'use strict';

const https = require('node:https');
const http = require('node:http');

const ZONE = process.env.CDN_ZONE_ID;

function purgeUrls(urls) {
  return new Promise((resolve, reject) => {
    const req = https.request( // expect: missing-timeout
      {
        hostname: 'api.cdn-provider.example.com',
        path: `/zones/${ZONE}/purge`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.CDN_TOKEN}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode < 300 ? resolve() : reject(new Error(`purge ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ files: urls }));
  });
}

function zoneStatus() {
  return new Promise((resolve, reject) => {
    https
      .get(`https://api.cdn-provider.example.com/zones/${ZONE}`, { timeout: 5000 }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('timeout', function onTimeout() {
        this.destroy(new Error('zone status timed out'));
      })
      .on('error', reject);
  });
}

function warmOrigin(path) {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: 'origin.cdn.svc.cluster.local', port: 8080, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.setTimeout(3000, () => req.destroy(new Error('warm timed out')));
    req.on('error', reject);
    req.end();
  });
}

module.exports = { purgeUrls, zoneStatus, warmOrigin };
