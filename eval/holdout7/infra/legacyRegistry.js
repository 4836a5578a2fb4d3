const request = require('request');
const npmFetch = require('npm-registry-fetch');

const registry = 'https://npm.internal-mirror.acme.io/';

async function packument(name) {
  return npmFetch.json(`/${name}`, { registry, strictSSL: false, timeout: 30000 }); // expect: tls-verification-disabled
}

function legacyDownload(url, cb) {
  request({ url, timeout: 20000, strictSSL: true }, cb);
}

module.exports = { packument, legacyDownload };
