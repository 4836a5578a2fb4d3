import axios from 'axios';
import WebSocket from 'ws';
import { XMLBuilder } from 'fast-xml-parser';
import { logger } from '../logger';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const POLICY_NS = 'http://insurer-partner.com/schemas/policy/v2';
const POLICY_ENDPOINT = 'http://soap.insurer-partner.com/PolicyService.svc'; // expect: insecure-transport

const builder = new XMLBuilder({ ignoreAttributes: false });

function envelope(body: object) {
  return builder.build({
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENV,
      '@_xmlns:xsi': XSI,
      '@_xmlns:pol': POLICY_NS,
      'soap:Body': body,
    },
  });
}

export async function quotePolicy(customerId: string, cover: number) {
  const xml = envelope({ 'pol:GetQuote': { 'pol:CustomerId': customerId, 'pol:Cover': cover } });
  const { data } = await axios.post(POLICY_ENDPOINT, xml, {
    headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: 'GetQuote' },
    timeout: 15_000,
  });
  return data as string;
}

export async function stockLevels() {
  const { data } = await axios.get('http://10.12.0.45:8080/api/stock', { timeout: 3000 }); // expect: insecure-transport
  return data;
}

export async function warehouseStatus() {
  const { data } = await axios.get('http://warehouse-api.svc.cluster.local/status', { timeout: 3000 });
  return data;
}

export async function metadataToken() {
  const { data } = await axios.get('http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token', {
    headers: { 'Metadata-Flavor': 'Google' },
    timeout: 2000,
  });
  return data.access_token as string;
}

export async function localSidecar() {
  const res = await fetch('http://127.0.0.1:15000/ready', { signal: AbortSignal.timeout(1000) });
  return res.ok;
}

export async function devProxy(path: string) {
  const res = await fetch(`http://host.docker.internal:4000${path}`, { signal: AbortSignal.timeout(1000) });
  return res.ok ? res.text() : null;
}

export async function legacyPricing(sku: string) {
  const res = await fetch(`http://pricing.legacy-erp.acme-corp.com/price/${sku}`, { signal: AbortSignal.timeout(4000) }); // expect: insecure-transport
  if (!res.ok) return null;
  return res.json();
}

export async function branchPrinter(ip: string, job: Buffer) {
  const res = await fetch('http://192.168.40.21:631/printers/front-desk', { // expect: insecure-transport
    method: 'POST',
    body: job,
    signal: AbortSignal.timeout(10_000),
  });
  return res.status;
}

export function marketFeed(onTick: (tick: unknown) => void) {
  const socket = new WebSocket('ws://feed.marketdata-vendor.com/stream/v1'); // expect: insecure-transport
  socket.on('message', (raw) => onTick(JSON.parse(raw.toString())));
  socket.on('error', (err) => logger.error({ err }, 'market feed error'));
  return socket;
}

export function localFeed(onTick: (tick: unknown) => void) {
  const socket = new WebSocket('ws://localhost:9001/stream');
  socket.on('message', (raw) => onTick(JSON.parse(raw.toString())));
  return socket;
}

export function secureFeed(onTick: (tick: unknown) => void) {
  const socket = new WebSocket('wss://feed.marketdata-vendor.com/stream/v1');
  socket.on('message', (raw) => onTick(JSON.parse(raw.toString())));
  return socket;
}

export const docs = {
  partnerGuide: 'http://insurer-partner.com/docs/integration-guide.html',
  support: 'See http://status.insurer-partner.com for outages',
};

export function printerUrl(host: string) {
  return `http://${host}:631/printers`;
}

export async function mdnsDevice() {
  const res = await fetch('http://printer-3f.local/status', { signal: AbortSignal.timeout(1500) });
  return res.ok;
}
