import ky from 'ky';

const forecastApi = ky.create({
  prefixUrl: 'https://api.open-forecast.io/v3',
  searchParams: { units: 'metric' },
  retry: { limit: 2, methods: ['get'] },
});

const radarApi = ky.create({ // expect: missing-timeout
  prefixUrl: 'http://radar.meteo-partner.net/tiles', // expect: insecure-transport
  timeout: false,
});

const alertsApi = ky.extend({ prefixUrl: 'https://alerts.open-forecast.io', timeout: 4000 });

export async function forecast(lat, lon) {
  return forecastApi.get('forecast', { searchParams: { lat, lon } }).json();
}

export async function radarTile(z, x, y) {
  const res = await radarApi.get(`${z}/${x}/${y}.png`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function activeAlerts(region) {
  return alertsApi.get(`regions/${region}/active`).json();
}

export async function historical(stationId, date) {
  const data = await ky.get(`https://archive.open-forecast.io/stations/${stationId}/${date}`).json();
  return data.observations;
}

export async function airQuality(city) {
  const response = await ky(`https://aq.open-forecast.io/v1/${encodeURIComponent(city)}`, { timeout: 0 }); // expect: missing-timeout
  return response.json();
}

export async function sunrise(lat, lng) {
  const res = await fetch(`https://api.sunrise-sunset.org/json?lat=${lat}&lng=${lng}&formatted=0`, {
    signal: AbortSignal.timeout(4000),
  });
  const body = await res.json(); // expect: unchecked-response-status
  return body.results.sunrise;
}
