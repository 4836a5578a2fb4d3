import superagent from 'superagent';
import { XMLParser } from 'fast-xml-parser';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const TARIFF_NS = 'http://www.acme-freight.com/schemas/tariff/2019';
const TARIFF_ENDPOINT = 'http://10.40.2.15:8080/TariffService'; // expect: insecure-transport
const RATES_ENDPOINT = 'https://rates.acme-freight.com/RateService';

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });

function envelope(body: string) {
  return `<?xml version="1.0"?><soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:t="${TARIFF_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export async function tariffFor(origin: string, destination: string) {
  const res = await superagent
    .post(TARIFF_ENDPOINT)
    .set('content-type', 'text/xml; charset=utf-8')
    .set('SOAPAction', 'GetTariff')
    .timeout({ response: 5_000, deadline: 20_000 })
    .send(envelope(`<t:GetTariff><t:From>${origin}</t:From><t:To>${destination}</t:To></t:GetTariff>`));
  return parser.parse(res.text);
}

export async function ratesFor(lane: string) {
  const res = await superagent.post(RATES_ENDPOINT).set('content-type', 'text/xml').send(envelope(`<t:Rates lane="${lane}"/>`)); // expect: missing-timeout
  return parser.parse(res.text);
}
