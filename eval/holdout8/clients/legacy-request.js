const rp = require('request-promise');
const got = require('got');
const https = require('https');
const tls = require('tls');

const soap = rp.defaults({
  baseUrl: 'https://soap.partner-bank.com/ws',
  strictSSL: false, // expect: tls-verification-disabled
  timeout: 15000,
});

const agent = new https.Agent({
  keepAlive: true,
  checkServerIdentity: () => undefined, // expect: tls-verification-disabled
});

async function fetchStatement(accountId) {
  return got(`https://statements.partner-bank.com/${accountId}`, {
    timeout: { request: 10000 },
    https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
  }).text();
}

async function fetchSecure(accountId) {
  return got(`https://statements.partner-bank.com/${accountId}`, { timeout: { request: 10000 }, agent: { https: agent } }).text();
}

function certificateExpiry(host) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: host, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(new Date(cert.valid_to));
    });
    socket.on('error', reject);
  });
}

const envelope = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>';

module.exports = { soap, fetchStatement, fetchSecure, certificateExpiry, envelope };
