import axios from 'axios';
import got from 'got';

const WEATHER_BASE = 'http://api.weatherbit.io/v2.0'; // expect: insecure-transport
const METRICS_URL = 'http://prometheus-pushgateway.monitoring.svc.cluster.local:9091';

export async function readThermostat(signal) {
  const res = await fetch('http://192.168.1.40/api/status', { signal }); // expect: insecure-transport
  if (!res.ok) throw new Error(`thermostat ${res.status}`);
  return res.json();
}

export async function outsideTemperature(lat, lon) {
  const { data } = await axios.get(`${WEATHER_BASE}/current`, {
    params: { lat, lon, key: process.env.WEATHERBIT_KEY },
    timeout: 4000,
  });
  return data.data[0].temp;
}

export async function pushMetrics(job, body) {
  await got.post(`${METRICS_URL}/metrics/job/${job}`, { body, timeout: { request: 3000 } });
}

export async function pingHub() {
  return got('http://hub.home.local/ping', { timeout: { request: 1000 } }).text();
}

export const schemaRef = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'thermostat-status' };
