'use strict';

const got = require('got');
const { pipeline } = require('node:stream/promises');
const fs = require('node:fs');

const GITHUB_API = 'https://api.github.com';

const github = got.extend({
  prefixUrl: GITHUB_API,
  headers: {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${process.env.GITHUB_TOKEN}`,
    'user-agent': 'acme-release-bot',
  },
  timeout: { request: 15000 },
  retry: { limit: 2, methods: ['GET'] },
  responseType: 'json',
});

const uploads = got.extend({ // expect: missing-timeout
  prefixUrl: 'https://uploads.github.com',
  headers: { authorization: `Bearer ${process.env.GITHUB_TOKEN}` },
});

const statusPage = got.extend({
  prefixUrl: 'https://status.acme-corp.com/api',
  headers: { authorization: 'Bearer sp_9c1f4e7a2b8d3c6f0e5a1b4d7c2e9f3a' }, // expect: hardcoded-credential
  timeout: { request: 5000 },
});

async function latestRelease(owner, repo) {
  const { body } = await github.get(`repos/${owner}/${repo}/releases/latest`);
  return body;
}

async function createRelease(owner, repo, tag, notes) {
  const { body } = await github.post(`repos/${owner}/${repo}/releases`, {
    json: { tag_name: tag, name: tag, body: notes, draft: false },
  });
  return body;
}

async function uploadAsset(uploadUrl, path, name) {
  const stream = fs.createReadStream(path);
  return uploads.post(`repos/${uploadUrl}/assets?name=${encodeURIComponent(name)}`, { body: stream });
}

async function downloadTarball(owner, repo, ref, dest) {
  await pipeline(
    got.stream(`https://codeload.github.com/${owner}/${repo}/tar.gz/${ref}`), // expect: missing-timeout
    fs.createWriteStream(dest),
  );
}

async function downloadZip(owner, repo, ref, dest) {
  await pipeline(
    got.stream(`https://codeload.github.com/${owner}/${repo}/zip/${ref}`, { timeout: { request: 120000 } }),
    fs.createWriteStream(dest),
  );
}

async function postIncident(title) {
  return statusPage.post('incidents', { json: { title } }).json();
}

async function rawContents(owner, repo, path) {
  return got(`https://raw.githubusercontent.com/${owner}/${repo}/main/${path}`).text(); // expect: missing-timeout
}

async function checkRunStatus(url) {
  const response = await got.get(url, { responseType: 'json' }); // expect: missing-timeout
  return response.body.status;
}

async function gistContent(id) {
  const response = await got(`https://api.github.com/gists/${id}`, { timeout: { request: 8000 }, responseType: 'json' });
  return response.body.files;
}

module.exports = {
  latestRelease,
  createRelease,
  uploadAsset,
  downloadTarball,
  downloadZip,
  postIncident,
  rawContents,
  checkRunStatus,
  gistContent,
};
