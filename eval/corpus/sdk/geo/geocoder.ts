import axios from 'axios';
import https from 'node:https';

axios.defaults.timeout = 8000;
axios.defaults.headers.common['User-Agent'] = 'acme-geo/2.1';

const MAPS_KEY = process.env.GOOGLE_MAPS_KEY ?? 'AIzaVnxZgprcOe6hk_HbclhV0ExsxTCWuJd0T65'; // expect: hardcoded-credential
const NOMINATIM = 'https://nominatim.openstreetmap.org';

export interface LatLng {
  lat: number;
  lng: number;
}

export async function geocode(address: string): Promise<LatLng | null> {
  const { data } = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', {
    params: { address, key: MAPS_KEY },
  });
  if (data.status !== 'OK' || data.results.length === 0) return null;
  return data.results[0].geometry.location;
}

export async function reverse(point: LatLng): Promise<string | undefined> {
  const { data } = await axios.get(`${NOMINATIM}/reverse`, {
    params: { lat: point.lat, lon: point.lng, format: 'jsonv2' },
  });
  return data.display_name;
}

export async function batchGeocode(addresses: string[]): Promise<Array<LatLng | null>> {
  const { data } = await axios.post( // expect: missing-timeout
    'https://batch.geo-partner.com/v1/geocode',
    { addresses },
    { timeout: 0, headers: { 'x-api-key': process.env.GEO_PARTNER_KEY } },
  );
  return data.results;
}

export async function elevation(point: LatLng): Promise<number> {
  const { data } = await axios({
    method: 'get',
    url: 'http://elevation.geo-partner.com/v1/lookup', // expect: insecure-transport
    params: { locations: `${point.lat},${point.lng}` },
    httpsAgent: new https.Agent({ keepAlive: true }),
  });
  return data.results[0].elevation;
}

export async function timezone(point: LatLng): Promise<string> {
  const { data } = await axios.get('https://maps.googleapis.com/maps/api/timezone/json', {
    params: { location: `${point.lat},${point.lng}`, timestamp: Math.floor(Date.now() / 1000), key: MAPS_KEY },
    timeout: 3000,
  });
  return data.timeZoneId;
}
