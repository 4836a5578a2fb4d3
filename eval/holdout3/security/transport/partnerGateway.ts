import axios from 'axios';
import WebSocket from 'ws';

const SVG_NS = 'http://www.w3.org/2000/svg';
const API_DOCS = 'http://docs.partner-logistics.com/v2/reference'; // shown in error messages only

export const partnerApi = axios.create({
  baseURL: 'http://api.partner-logistics.com/v2', // expect: insecure-transport
  timeout: 10_000,
});

export const warehouseApi = axios.create({
  baseURL: 'http://warehouse.internal:8080',
  timeout: 10_000,
});

export const legacyErp = axios.create({
  baseURL: 'http://10.20.4.17:8069/api', // expect: insecure-transport
  timeout: 15_000,
});

export async function trackShipment(id: string) {
  try {
    const { data } = await partnerApi.get(`/shipments/${id}`);
    return data;
  } catch (err) {
    throw new Error(`tracking failed for ${id}; see ${API_DOCS}`);
  }
}

export async function labelSvg(id: string): Promise<string> {
  const { data } = await partnerApi.get<string>(`/labels/${id}`);
  return data.replace('<svg', `<svg xmlns="${SVG_NS}"`);
}

export async function pushToCarrier(carrierHost: string, payload: object) {
  return axios.post(`http://${carrierHost}/intake`, payload, { timeout: 5_000 });
}

export async function notifyDock(dock: number, payload: object) {
  return axios.post(`http://dock-terminals.partner-logistics.com/docks/${dock}`, payload, { timeout: 5_000 }); // expect: insecure-transport
}

export function openTelemetryStream(onFrame: (frame: unknown) => void): WebSocket {
  const socket = new WebSocket('ws://telemetry.partner-logistics.com/stream'); // expect: insecure-transport
  socket.on('message', (data) => onFrame(JSON.parse(data.toString())));
  return socket;
}

export function openLocalDebugStream(): WebSocket {
  return new WebSocket('ws://localhost:9229/debug');
}

export async function localHealth(): Promise<boolean> {
  const res = await fetch('http://host.docker.internal:4000/health', { signal: AbortSignal.timeout(1_000) });
  return res.ok;
}
