import http from 'node:http';
import * as https from 'node:https';
import { URL } from 'node:url';

export interface ProbeResult {
  url: string;
  statusCode?: number;
  error?: string;
}

function collect(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (body += chunk));
    res.on('end', () => resolve(body));
    res.on('error', reject);
  });
}

export function probeHttps(target: string): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const req = https.request(target, { method: 'HEAD', timeout: 3_000 }, (res) => {
      resolve({ url: target, statusCode: res.statusCode });
      res.resume();
    });
    req.on('timeout', () => req.destroy(new Error('probe timed out')));
    req.on('error', (err) => resolve({ url: target, error: err.message }));
    req.end();
  });
}

export function fetchManifest(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get(target, (res) => {
      collect(res).then(resolve, reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('manifest download timed out')));
    req.on('error', reject);
  });
}

// Talks to the sidecar over plain HTTP inside the pod.
export function readSidecarConfig(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get('http://127.0.0.1:15000/config_dump', (res) => collect(res).then(resolve, reject)); // expect: missing-timeout
    req.on('error', reject);
  });
}

export function postBeacon(endpoint: string, payload: object): Promise<number> {
  const url = new URL(endpoint);
  const body = JSON.stringify(payload);
  const options: https.RequestOptions = {
    hostname: url.hostname,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  };
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => { // expect: missing-timeout
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write(body);
    req.end();
  });
}
