import got from 'got';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';

export const partnerApi = got.extend({ // expect: missing-timeout
  prefixUrl: 'https://partners.example.com/api',
  responseType: 'json',
  retry: { limit: 2 },
});

export const mediaApi = got.extend({
  prefixUrl: 'https://media.example.com',
  timeout: { lookup: 200, connect: 1_000, response: 10_000 },
});

export async function fetchPartner(id: string) {
  return partnerApi.get(`partners/${id}`).json();
}

export async function mirrorAsset(url: string, target: string) {
  await pipeline(got.stream(url), createWriteStream(target)); // expect: missing-timeout
}

export async function mirrorThumbnail(id: string, target: string) {
  await pipeline(mediaApi.stream(`thumbs/${id}`), createWriteStream(target));
}

export async function thumbnail(id: string) {
  return mediaApi.get(`thumbs/${id}`).buffer();
}
