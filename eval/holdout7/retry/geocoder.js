const fetch = require('node-fetch');

const GEOCODER = 'https://geo.acme.dev/v1/forward';

async function geocode(address) {
  const res = await fetch(`${GEOCODER}?q=${encodeURIComponent(address)}`, { timeout: 0 }); // expect: missing-timeout
  if (!res.ok) throw new Error(`geocoder ${res.status}`);
  return res.json();
}

async function geocodeWithRetry(address) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`${GEOCODER}?q=${encodeURIComponent(address)}`, { timeout: 4000 });
      if (!res.ok) throw new Error(`geocoder ${res.status}`);
      return await res.json();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

module.exports = { geocode, geocodeWithRetry };
