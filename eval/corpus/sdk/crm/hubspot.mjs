import fetch from 'node-fetch';
import got from 'got';
import axios from 'axios';
import axiosRetry, { exponentialDelay } from 'axios-retry';

const HUBSPOT_API = 'https://api.hubapi.com';
const LEGACY_SYNC = new URL('http://sync.crm-bridge-partner.com/v1/contacts'); // expect: insecure-transport

const hubspot = axios.create({ baseURL: HUBSPOT_API, timeout: 10_000 });
axiosRetry(hubspot, { retries: Infinity, retryDelay: exponentialDelay }); // expect: unbounded-retry
axiosRetry(axios, { retries: 2 }); // expect: retry-without-backoff

export function connectSftp(host, username, password = 'Hubsp0t-Sftp-Export!') { // expect: hardcoded-credential
  return { host, username, password, port: 22 };
}

export function contactById(id) {
  return fetch(`${HUBSPOT_API}/crm/v3/objects/contacts/${id}`, { // expect: missing-timeout
    headers: { authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
  })
    .then((res) => res.json()) // expect: unchecked-response-status
    .then((body) => body.properties);
}

export async function pushLegacy(contact) {
  const res = await fetch(LEGACY_SYNC, { method: 'PUT', body: JSON.stringify(contact), timeout: 8000 });
  if (!res.ok) throw new Error(`legacy sync ${res.status}`);
}

export async function ownerEmails() {
  const body = await got(`${HUBSPOT_API}/crm/v3/owners`, { // expect: missing-timeout
    headers: { authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
  }).json();
  return body.results.map((owner) => owner.email);
}

export async function companyDomains() {
  const { data } = await axios.get(`${HUBSPOT_API}/crm/v3/objects/companies`, { // expect: missing-timeout
    params: { properties: 'domain', limit: 100 },
    headers: { authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
  });
  return data.results.map((company) => company.properties.domain);
}

export async function dealStages() {
  const { data } = await hubspot.get('/crm/v3/pipelines/deals');
  return data.results.flatMap((pipeline) => pipeline.stages);
}
