'use strict';

const got = require('got');
const { pipeline } = require('node:stream/promises');
const fs = require('node:fs');

const GEO_TIMEOUTS = { lookup: 200, connect: 1000, response: 4000 };

const geo = got.extend({
  prefixUrl: 'https://geo.mapstack.io/v1',
  timeout: GEO_TIMEOUTS,
  retry: { limit: 2 },
  responseType: 'json',
});

// Tiles are huge and the CDN is reliable, so nobody set a budget here.
const tiles = got.extend({ prefixUrl: 'https://tiles.mapstack.io' }); // expect: missing-timeout

async function reverseGeocode(lat, lon) {
  const { body } = await geo.get('reverse', { searchParams: { lat, lon } });
  return body.features?.[0]?.properties ?? null;
}

async function fetchTile(z, x, y) {
  return tiles.get(`${z}/${x}/${y}.png`).buffer();
}

async function mirrorExport(exportId, destination) {
  await pipeline(
    got.stream(`https://exports.mapstack.io/${exportId}.csv.gz`), // expect: missing-timeout
    fs.createWriteStream(destination),
  );
}

async function mirrorBoundaries(destination) {
  await pipeline(
    got.stream('https://exports.mapstack.io/boundaries.geojson', { timeout: { request: 120_000 } }),
    fs.createWriteStream(destination),
  );
}

async function timezoneFor(lat, lon) {
  const body = await got.post('https://tz.mapstack.io/lookup', { json: { lat, lon } }).json(); // expect: missing-timeout
  return body.zone;
}

async function elevation(points) {
  return got('https://elevation.mapstack.io/batch', {
    method: 'POST',
    json: { points },
    timeout: { request: 10_000 },
  }).json();
}

module.exports = { reverseGeocode, fetchTile, mirrorExport, mirrorBoundaries, timezoneFor, elevation };
