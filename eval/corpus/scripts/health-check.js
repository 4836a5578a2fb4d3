#!/usr/bin/env node
const http = require('http');
const https = require('https');
const tls = require('tls');

const TARGETS = [
  { name: 'api', url: 'https://api.acme-shop.com/healthz' },
  { name: 'admin', url: 'https://admin.acme-shop.com/healthz' },
  { name: 'local', url: 'http://localhost:8080/healthz' },
];

function probe(url) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const started = Date.now();
    const req = client.get(url, (res) => {
      res.resume();
      resolve({ url, status: res.statusCode, ms: Date.now() - started });
    });
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ url, error: err.message }));
  });
}

function scrapeNodeExporter() {
  return new Promise((resolve, reject) => {
    const req = http.get('http://10.0.4.12:9100/metrics', (res) => { // expect: insecure-transport, missing-timeout
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

function postStatus(summary) {
  const payload = JSON.stringify(summary);
  const req = https.request( // expect: missing-timeout
    {
      hostname: 'status.acme-shop.com',
      path: '/api/v1/components/health',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    },
    (res) => res.resume(),
  );
  req.on('error', (err) => console.error('status post failed', err.message));
  req.end(payload);
}

function pushToGateway(summary) {
  const req = http.request(
    {
      host: 'pushgateway.monitoring.svc.cluster.local',
      port: 9091,
      path: '/metrics/job/health-check',
      method: 'POST',
      timeout: 3000,
    },
    (res) => res.resume(),
  );
  req.on('timeout', () => req.destroy());
  req.end(`health_check_failures ${summary.failures}\n`);
}

function certificateDaysLeft(host) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port: 443,
      servername: host,
      checkServerIdentity: () => undefined, // expect: tls-verification-disabled
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(Math.floor((new Date(cert.valid_to).getTime() - Date.now()) / 86_400_000));
    });
    socket.once('error', reject);
  });
}

async function main() {
  const results = await Promise.all(TARGETS.map((t) => probe(t.url)));
  const failures = results.filter((r) => r.error || r.status !== 200).length;
  const metrics = await scrapeNodeExporter().catch(() => '');
  const days = await certificateDaysLeft('api.acme-shop.com');
  console.table(results);
  console.log(`cert expires in ${days} days; exporter returned ${metrics.length} bytes`);
  postStatus({ failures, days });
  pushToGateway({ failures });
}

main();
