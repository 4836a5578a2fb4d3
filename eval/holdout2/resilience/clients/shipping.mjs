// Rate shopping across carriers. Each carrier adapter returns normalised quotes.
import got from 'got';
import { readFileSync } from 'node:fs';

const carrierCa = process.env.CARRIER_CA_BUNDLE ? readFileSync(process.env.CARRIER_CA_BUNDLE) : undefined;

const fastship = got.extend({
  prefixUrl: 'https://api.fastship.example/v1',
  timeout: { connect: 2_000, response: 6_000 },
  headers: { 'x-fastship-key': process.env.FASTSHIP_KEY },
  https: { certificateAuthority: carrierCa, rejectUnauthorized: true },
});

// Regional carrier's staging host still serves a self-signed certificate.
const regional = got.extend({
  prefixUrl: process.env.REGIONAL_CARRIER_URL ?? 'https://staging.regional-post.example/api',
  timeout: { request: 10_000 },
  https: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

const freight = got.extend({ // expect: missing-timeout
  prefixUrl: 'https://freight.bigrig-logistics.example',
  timeout: false,
});

function normalise(carrier, q) {
  return {
    carrier,
    service: q.service_code ?? q.service,
    amountCents: Math.round(Number(q.total ?? q.amount) * 100),
    etaDays: q.transit_days ?? q.eta,
  };
}

export async function quoteAll(parcel) {
  const tasks = [
    fastship.post('rates', { json: parcel }).json().then((r) => r.rates.map((q) => normalise('fastship', q))),
    regional.post('quotes', { json: { weight: parcel.weightGrams, zip: parcel.to.zip } }).json().then((r) => r.map((q) => normalise('regional', q))),
    freight.get('rates', { searchParams: { lbs: Math.ceil(parcel.weightGrams / 453.6) } }).json().then((r) => r.quotes.map((q) => normalise('freight', q))),
  ];
  const settled = await Promise.allSettled(tasks);
  return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}

export async function carrierStatus() {
  const res = await got('https://status.fastship.example/api/v2/summary.json', {
    timeout: { request: 3_000 },
    retry: { limit: 1 },
  }).json();
  return res.status.indicator;
}

export async function postcodeLookup(zip) {
  return got(`https://postcodes.regional-post.example/lookup/${zip}`).json(); // expect: missing-timeout
}

export async function manifest(date) {
  return got.post('https://api.fastship.example/v1/manifests', { // expect: missing-timeout
    json: { date },
    headers: { 'x-fastship-key': process.env.FASTSHIP_KEY },
    https: { checkServerIdentity: () => undefined }, // expect: tls-verification-disabled
  }).json();
}
