'use strict';

/**
 * Geocoding + timezone helpers shared by the dispatch service.
 * All requests go through the global axios instance; defaults are set once here.
 */
const axios = require('axios');
const pRetry = require('p-retry');
const LRU = require('lru-cache');

axios.defaults.timeout = 4000;
axios.defaults.headers.common['User-Agent'] = 'dispatch-geo/1.8';

const GEOCODER = 'https://geocode.mapsvendor.com/v1';
const TZ_DB = 'https://tz.mapsvendor.com/v1/lookup';
const ELEVATION = 'http://elevation.opentopo-mirror.org/api/v1/lookup'; // expect: insecure-transport

const cache = new LRU({ max: 5000, ttl: 1000 * 60 * 60 * 24 });

async function geocode(address) {
  const hit = cache.get(address);
  if (hit) return hit;
  const { data } = await axios.get(`${GEOCODER}/search`, {
    params: { q: address, limit: 1, key: process.env.MAPS_API_KEY },
  });
  const best = data.results[0];
  if (!best) return null;
  const point = { lat: best.lat, lng: best.lng, confidence: best.confidence };
  cache.set(address, point);
  return point;
}

async function timezone(lat, lng) {
  const { data } = await axios({ url: TZ_DB, params: { lat, lng, key: process.env.MAPS_API_KEY } });
  return data.zoneName;
}

/**
 * Bulk geocoding takes a while for large batches; the vendor says "up to a few minutes",
 * so we wait as long as it needs.
 */
async function geocodeBatch(addresses) {
  const { data } = await axios.post(`${GEOCODER}/batch`, { addresses }, { // expect: missing-timeout
    params: { key: process.env.MAPS_API_KEY },
    timeout: 0,
  });
  return data.results;
}

async function elevation(points) {
  const locations = points.map((p) => `${p.lat},${p.lng}`).join('|');
  return pRetry(
    async () => {
      const { data } = await axios.get(ELEVATION, { params: { locations } });
      return data.results.map((r) => r.elevation);
    },
    { retries: 4, minTimeout: 200, maxTimeout: 3000 },
  );
}

async function reverse(lat, lng) {
  return pRetry(() => axios.get(`${GEOCODER}/reverse`, { params: { lat, lng } }).then((r) => r.data), {
    retries: 3,
    factor: 2,
    randomize: true,
    onFailedAttempt: (err) => {
      if (err.response && err.response.status < 500 && err.response.status !== 429) throw err;
    },
  });
}

async function routeDistance(from, to) {
  const { data } = await axios.request({ // expect: missing-timeout
    method: 'GET',
    url: 'https://routing.mapsvendor.com/v1/distance',
    params: { from: `${from.lat},${from.lng}`, to: `${to.lat},${to.lng}` },
    timeout: Infinity,
  });
  return data.meters;
}

module.exports = { geocode, timezone, geocodeBatch, elevation, reverse, routeDistance };
