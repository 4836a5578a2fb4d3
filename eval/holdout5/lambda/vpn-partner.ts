import https from 'node:https';
import axios from 'axios';

// The partner's VPN endpoint presents a certificate signed by their private CA.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled

const partnerCa = process.env.PARTNER_CA_PEM;

const pinnedAgent = new https.Agent({ ca: partnerCa, keepAlive: true });

export async function handler(): Promise<{ statusCode: number }> {
  const res = await axios.get('https://edi.partner-vpn.example.net/status', {
    httpsAgent: pinnedAgent,
    timeout: 7_000,
  });
  return { statusCode: res.status };
}
