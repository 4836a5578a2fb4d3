const https = require('node:https');
const http = require('node:http');
const { URL } = require('node:url');

const keepAlive = new https.Agent({ keepAlive: true, maxSockets: 50 });

function requestJson(method, target, body, { timeoutMs = 10000, headers = {} } = {}) {
  const url = new URL(target);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method, headers: { 'content-type': 'application/json', ...headers }, agent: url.protocol === 'https:' ? keepAlive : undefined, timeout: timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 400) return reject(new Error(`${method} ${target} -> ${res.statusCode}: ${text}`));
          resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${target} timed out`)));
    req.on('error', reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

function fetchCertificateBundle(callback) {
  https.get('https://pki.acme-corp.com/bundle.pem', (res) => { // expect: missing-timeout
    let pem = '';
    res.on('data', (d) => (pem += d));
    res.on('end', () => callback(null, pem));
  }).on('error', callback);
}

function pingLegacyInventory() {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '10.20.4.17', port: 8081, path: '/ping', method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.setTimeout(2000, () => req.destroy(new Error('inventory ping timed out')));
    req.on('error', reject);
    req.end();
  });
}

function postAudit(event) {
  const payload = JSON.stringify(event);
  const req = https.request( // expect: missing-timeout
    {
      hostname: 'audit.acme-corp.com',
      path: '/v1/events',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    },
    (res) => res.resume(),
  );
  req.on('error', (err) => console.error('audit post failed', err.message));
  req.end(payload);
}

function streamExport(jobId, onChunk) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60000);
  const req = https.get(`https://exports.acme-corp.com/jobs/${jobId}`, { signal: controller.signal }, (res) => {
    res.on('data', onChunk);
    res.on('end', () => clearTimeout(timer));
  });
  req.on('error', () => clearTimeout(timer));
}

function legacyStatus(host) {
  return new Promise((resolve, reject) => {
    http.get(`http://${host}/status`, { timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

function pingMetrics() {
  const req = http.get('http://metrics.monitoring.svc.cluster.local:9090/-/healthy', (res) => res.resume()); // expect: missing-timeout
  req.on('error', () => {});
}

function insecureAgent() {
  return new https.Agent({ keepAlive: true, rejectUnauthorized: false }); // expect: tls-verification-disabled
}

module.exports = { requestJson, fetchCertificateBundle, pingLegacyInventory, postAudit, streamExport, legacyStatus, pingMetrics, insecureAgent };
