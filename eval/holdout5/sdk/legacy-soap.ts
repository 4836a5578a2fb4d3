import https from 'node:https';
import axios from 'axios';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const FREIGHT_NS = 'http://www.freight-legacy.example.com/schemas/2009/rates';

// Their staging gateway uses a self-signed certificate; prod is pinned with the CA bundle.
const stagingAgent = new https.Agent({
  rejectUnauthorized: false, // expect: tls-verification-disabled
  keepAlive: true,
});

const prodAgent = new https.Agent({
  ca: process.env.FREIGHT_CA_BUNDLE,
  checkServerIdentity: () => undefined, // expect: tls-verification-disabled
});

function envelope(body: string): string {
  return `<?xml version="1.0"?>
<soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:r="${FREIGHT_NS}">
  <soap:Body>${body}</soap:Body>
</soap:Envelope>`;
}

export async function quoteRate(origin: string, destination: string, staging = false): Promise<string> {
  const res = await axios.post(
    staging ? 'https://staging.freight-legacy.example.com/RateService.asmx' : 'https://api.freight-legacy.example.com/RateService.asmx',
    envelope(`<r:GetRate><r:From>${origin}</r:From><r:To>${destination}</r:To></r:GetRate>`),
    {
      httpsAgent: staging ? stagingAgent : prodAgent,
      headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: `${FREIGHT_NS}/GetRate` },
      timeout: 25_000,
    },
  );
  return res.data as string;
}
