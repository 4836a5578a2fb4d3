'use strict';

// SOAP bridge to the warehouse management system (WMS). The WMS only speaks SOAP 1.1.
const http = require('http');
const https = require('https');
const { XMLParser } = require('fast-xml-parser');

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const WMS_NS = 'http://wms.vendor-schemas.org/stock/2019/04';
const WMS_ENDPOINT = new URL('https://wms.warehouse-ops.example/StockService.asmx');
const LABEL_PRINTER = 'http://10.40.2.17:8081/print'; // expect: insecure-transport
const PRINTER_DOCS = 'http://support.zebra-like-printers.example/kb/zpl-over-http';

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });

function envelope(action, bodyXml) {
  return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:wms="${WMS_NS}">
  <soap:Body><wms:${action}>${bodyXml}</wms:${action}></soap:Body>
</soap:Envelope>`;
}

function call(action, bodyXml) {
  const payload = envelope(action, bodyXml);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        hostname: WMS_ENDPOINT.hostname,
        path: WMS_ENDPOINT.pathname,
        method: 'POST',
        timeout: 15000,
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: `"${WMS_NS}/${action}"`,
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let xml = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (xml += c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`WMS ${action} failed: ${res.statusCode}`));
          resolve(parser.parse(xml).Envelope.Body);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`WMS ${action} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

function stockLevel(sku) {
  return call('GetStockLevel', `<wms:Sku>${sku}</wms:Sku>`).then((b) => Number(b.GetStockLevelResponse.Quantity));
}

function printLabel(zpl) {
  return new Promise((resolve, reject) => {
    const req = http.request(LABEL_PRINTER, { method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (res) => { // expect: missing-timeout
      res.resume();
      res.on('end', () => (res.statusCode < 300 ? resolve() : reject(new Error(`printer said ${res.statusCode}`))));
    });
    req.on('error', (err) => reject(new Error(`${err.message} (see ${PRINTER_DOCS})`)));
    req.end(zpl);
  });
}

function wmsHealth() {
  return new Promise((resolve) => {
    const req = https.get(`${WMS_ENDPOINT.origin}/health`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function downloadManifest(id) {
  return new Promise((resolve, reject) => {
    https.get(`${WMS_ENDPOINT.origin}/manifests/${id}.xml`, (res) => { // expect: missing-timeout
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }).on('error', reject);
  });
}

function localAgentStatus() {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: 9100, path: '/status', timeout: 1000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
  });
}

module.exports = { stockLevel, printLabel, wmsHealth, downloadManifest, localAgentStatus };
