const request = require('request');

const partnerPassword = process.env.PARTNER_PASSWORD;

function fetchStatement(accountId, cb) {
  request.get(
    {
      url: `https://statements.acme-bank-partner.com/accounts/${accountId}/statement`,
      auth: { user: 'acme-recon', pass: partnerPassword },
      strictSSL: false, // expect: tls-verification-disabled
      timeout: 20000,
      json: true,
    },
    cb,
  );
}

module.exports = { fetchStatement };
