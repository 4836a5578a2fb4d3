import { defineMeta } from '../../engine/rule.js';

export const ENV_NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';

export const PYTHON_MESSAGES = {
  pyVerifyOff: '`{{setting}}` turns off TLS certificate checks: anyone on the network path can impersonate the server and read or change the traffic. Keep verification on; for a private CA pass its bundle (`verify="/path/ca.pem"`).',
  pyUnverifiedContext: '`{{setting}}` builds a TLS context that checks no certificate: anyone on the network path can impersonate the server and read or change the traffic. Use `ssl.create_default_context()` (with `cafile=` for a private CA).',
  pyEnvironment: 'PYTHONHTTPSVERIFY=0 turns off TLS certificate checks: every HTTPS request the process makes trusts any certificate, so anyone on the network path can impersonate the servers. Remove it and trust a private CA with SSL_CERT_FILE instead.',
};

export const MESSAGES = {
  rejectUnauthorized: '`rejectUnauthorized: false` turns off TLS certificate checks: anyone on the network path can impersonate the server and read or change the traffic. Trust the server\'s CA with the `ca` option instead.',
  strictSsl: '`strictSSL: false` turns off TLS certificate checks: a man-in-the-middle can read and change the traffic. Keep it on and add the server\'s CA if it is private.',
  insecure: '`insecure: true` turns off this HTTP client\'s TLS certificate checks: a man-in-the-middle can read and change the traffic. Remove it and trust the server\'s CA instead.',
  checkServerIdentity: '`checkServerIdentity` accepts every certificate: a certificate for any host is trusted. Remove it, or delegate to `tls.checkServerIdentity(host, cert)`.',
  environment: `${ENV_NAME} = '0' turns off TLS certificate checks: every request the process makes trusts any certificate. Remove it and trust the server's CA with NODE_EXTRA_CA_CERTS instead.`,
  skipVerify: 'TLS certificate checks are turned off: a man-in-the-middle can read and change the traffic. Remove this setting and trust the server\'s CA instead.',
  ...PYTHON_MESSAGES,
};

export const meta = defineMeta({
  id: 'tls-verification-disabled',
  defaultSeverity: 'error',
  description: 'TLS certificate verification is turned off.',
  category: 'security',
  messages: MESSAGES,
  fixable: 'code',
});
