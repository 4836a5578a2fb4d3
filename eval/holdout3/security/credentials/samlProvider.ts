import { SAML } from '@node-saml/node-saml';
import { readFileSync } from 'node:fs';

// IdP signing certificate (public), pasted from the Okta admin page.
const IDP_CERT = `-----BEGIN CERTIFICATE-----
Dy6yG4wpU4trL2TUesHLF1qSQp3J2p7uL2A1XnFxa5mC3TH4lujVT180F2YEoEqS
HtvHHZ/k4BP7UksmaAl7YsqsKfw2QpBSLpdet0CMlRprJcvlg8UjAA9K/ZqGZ8oT
DuCimmmrT9XkA0PC9BpJoztDIduZizXoegzN1wEGC0Q7FuCgr7axAYWbk/20zsSt
rfZhA4QBsOY524/Z9VBqOmg/9x945m3BPOkOwcBUi6qw33qAp1okCYqRzNpWsFRW
bJhQAQZAgp8B6OI3XLAcQtbYYokC+26p3D65Buw5gU0mfejWMD7lt+NjbTCefiE/
-----END CERTIFICATE-----`;

// TODO(sec-412): move to the secrets manager before the audit.
const SP_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
F8Xd3Dw/sYJIICXbmsRS+8XEvTc8amhFKVarXWS2H6uMBGTVgHg2dqtzRFq5kR9+
AdQ+mWrw9smJ0EzqjPvq6eRg/GJJ/6mG4PVE2F+uZjHJX38Q5K0dN78rKIVDFFKL
JWWN8xaBwZ5yabhqlHpkALmpeoAqjPJ89h3pZrHZjvuQgjXMUaq2B7q82reVyoTJ
9P3KSi5RNKERsAYnHTr5muOXzKNAbUNqvl1Kgze7gdrZQMXZYX8+siLEn/iusoEQ
pCDk9vLMfphvuOCW/k6ysBQnLBVPIm3Pl1SD7gCyhPenDAFsmhDgQbvVi3uAlgbk
TbGwcXvRNQzikSdq7hS75v6JQmr8i2tanW3upWz0jWejvF0LxCb/7kAcPm+sarUL
XWar4qc/TIF8ueDb
-----END PRIVATE KEY-----`;

export const saml = new SAML({
  entryPoint: 'https://acme.okta.com/app/acme_portal/sso/saml',
  issuer: 'https://portal.acme-shop.com/saml/metadata',
  callbackUrl: 'https://portal.acme-shop.com/saml/acs',
  idpCert: IDP_CERT,
  privateKey: SP_PRIVATE_KEY,
  decryptionPvk: process.env.SAML_DECRYPTION_KEY ?? readFileSync('/run/secrets/saml-decryption.pem', 'utf8'),
  wantAssertionsSigned: true,
});
