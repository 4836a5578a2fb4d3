// Stock queries against a partner's legacy SOAP service.
import axios from 'axios';

const SOAP_ENDPOINT = 'http://erp.legacy-partner.com/StockService.asmx';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

// The partner's test box has an expired certificate; someone set this "temporarily".
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

function envelope(sku: string): string {
  return `<soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body><GetStock xmlns="http://tempuri.org/"><Sku>${sku}</Sku></GetStock></soap:Body></soap:Envelope>`;
}

export async function getStock(sku: string, password: string): Promise<string> {
  console.log(`SOAP login for ${sku} with password ${password}`);
  const res = await axios.post(SOAP_ENDPOINT, envelope(sku), {
    timeout: 15_000,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: 'http://tempuri.org/GetStock' },
  });
  return res.data as string;
}

// Compliant: HTTPS, local development fallback, no secret in the log line.
const PRICING_URL = process.env.PRICING_URL ?? 'http://localhost:8081/pricing';

export async function getPrice(sku: string): Promise<number> {
  const res = await fetch(`${PRICING_URL}/${encodeURIComponent(sku)}`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`pricing returned ${res.status}`);
  const body = (await res.json()) as { price: number };
  console.info('price fetched', { sku, hasToken: Boolean(process.env.PRICING_TOKEN) });
  return body.price;
}
