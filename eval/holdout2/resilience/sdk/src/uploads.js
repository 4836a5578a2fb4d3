// Media upload helpers used by the admin CLI and the importer worker.
// superagent is kept for multipart uploads (progress events); ky for small JSON calls.
import superagent from 'superagent';
import ky from 'ky';
import needle from 'needle';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';

const MEDIA_API = process.env.MEDIA_API_URL ?? 'https://media.cms-platform.example/api';
const auth = () => `Bearer ${process.env.MEDIA_API_TOKEN}`;

const media = ky.create({
  prefixUrl: MEDIA_API,
  headers: { authorization: auth() },
  retry: { limit: 2, methods: ['get'] },
});

const transcoder = ky.create({ // expect: missing-timeout
  prefixUrl: 'https://transcode.cms-platform.example',
  timeout: false,
  hooks: {
    beforeRequest: [(request) => request.headers.set('authorization', auth())],
  },
});

export async function uploadFile(path, { folder = 'imports', onProgress } = {}) {
  const size = statSync(path).size;
  const res = await superagent
    .post(`${MEDIA_API}/assets`)
    .set('Authorization', auth())
    .field('folder', folder)
    .attach('file', createReadStream(path), basename(path))
    .timeout({ response: 10_000, deadline: 10 * 60_000 })
    .on('progress', (e) => onProgress?.(e.loaded / size));
  return res.body;
}

export async function replaceFile(assetId, path) {
  const res = await superagent.put(`${MEDIA_API}/assets/${assetId}/file`) // expect: missing-timeout
    .set('Authorization', auth())
    .attach('file', createReadStream(path), basename(path));
  return res.body;
}

export async function tagAsset(assetId, tags) {
  return media.post(`assets/${assetId}/tags`, { json: { tags } }).json();
}

export async function assetInfo(assetId) {
  return media.get(`assets/${assetId}`).json();
}

export async function startTranscode(assetId, profile) {
  return transcoder.post('jobs', { json: { assetId, profile } }).json();
}

export async function thumbnail(assetId, width) {
  return ky
    .get(`${MEDIA_API}/assets/${assetId}/thumbnail`, { searchParams: { w: width }, headers: { authorization: auth() }, timeout: 15_000 })
    .blob();
}

export async function fetchRemoteImage(url) {
  const res = await needle('get', url, null, { follow_max: 3, parse: false });
  if (res.statusCode !== 200) throw new Error(`remote image ${res.statusCode}`);
  return res.body;
}

export async function fetchRemoteMeta(url) {
  const res = await needle('head', url, null, { open_timeout: 3000, response_timeout: 5000 });
  return { type: res.headers['content-type'], length: Number(res.headers['content-length'] ?? 0) };
}

export async function purgeCdn(paths) {
  const res = await superagent
    .post('https://api.cdn-provider.example/v1/purge')
    .set('Authorization', `Bearer ${process.env.CDN_PURGE_TOKEN}`)
    .send({ paths })
    .timeout(5000);
  return res.status === 202;
}

export async function signedUploadUrl(name) {
  const { url } = await ky.post(`${MEDIA_API}/uploads/sign`, { json: { name }, headers: { authorization: auth() } }).json();
  return url;
}

export async function reportUsage(events) {
  await superagent.post(`${MEDIA_API}/usage`).set('Authorization', auth()).send({ events }); // expect: missing-timeout
}
