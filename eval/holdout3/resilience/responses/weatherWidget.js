const WEATHER = 'https://api.skycast.dev/v3';

function withTimeout(ms) {
  return { signal: AbortSignal.timeout(ms) };
}

export function currentConditions(city) {
  return fetch(`${WEATHER}/current?city=${encodeURIComponent(city)}`, withTimeout(5000))
    .then((res) => res.json()) // expect: unchecked-response-status
    .then((data) => ({ temp: data.temperature, summary: data.summary }));
}

export function forecast(city, days = 5) {
  return fetch(`${WEATHER}/forecast?city=${encodeURIComponent(city)}&days=${days}`, withTimeout(5000)).then((res) => {
    if (!res.ok) throw new Error(`forecast unavailable (${res.status})`);
    return res.json();
  });
}

export async function radarTile(z, x, y) {
  const response = await fetch(`${WEATHER}/radar/${z}/${x}/${y}.png`, withTimeout(8000));
  if (response.status >= 400) return null;
  return response.blob();
}

export async function alerts(region) {
  const response = await fetch(`${WEATHER}/alerts/${region}`, withTimeout(5000));
  const { alerts: list = [] } = await response.json(); // expect: unchecked-response-status
  return list.filter((a) => a.severity !== 'minor');
}
