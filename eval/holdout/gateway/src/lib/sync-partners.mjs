import pRetry, { AbortError } from 'p-retry';
import retry from 'async-retry';
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger.mjs';

axios.defaults.timeout = 10000;

const CRM_URL = 'https://api.pipeline-crm.com/v2';

export async function fetchContacts(page) {
  return pRetry(
    async () => {
      const { data } = await axios.get(`${CRM_URL}/contacts`, { params: { page } });
      return data;
    },
    { retries: 5, minTimeout: 500, factor: 2, randomize: true },
  );
}

export async function fetchDeals() {
  return pRetry(() => axios.get(`${CRM_URL}/deals`).then((r) => r.data), { retries: Infinity }); // expect: unbounded-retry
}

export async function fetchOwner(id) {
  const run = async () => {
    const res = await axios.get(`${CRM_URL}/owners/${id}`, { validateStatus: () => true });
    if (res.status === 404) throw new AbortError('owner not found');
    if (res.status >= 500) throw new Error(`crm ${res.status}`);
    return res.data;
  };
  return pRetry(run, { retries: 4, onFailedAttempt: (e) => logger.warn({ attempt: e.attemptNumber }, 'owner retry') });
}

export async function pushNote(contactId, text, requestId) {
  return retry(
    async (bail) => {
      const res = await axios.post( // expect: missing-idempotency-key
        `${CRM_URL}/contacts/${contactId}/notes`,
        { text, requestId },
        { validateStatus: () => true },
      );
      if (res.status === 400) return bail(new Error('invalid note'));
      if (res.status >= 500) throw new Error(`crm ${res.status}`);
      return res.data;
    },
    { retries: 3, minTimeout: 1000 },
  );
}

export async function pushTask(contactId, task) {
  return retry(
    async () => {
      const { data } = await axios.post(`${CRM_URL}/contacts/${contactId}/tasks`, task, {
        headers: { 'Idempotency-Key': task.id },
      });
      return data;
    },
    { retries: 3, factor: 2, minTimeout: 500 },
  );
}

export async function syncCompany(id, attempt = 0) {
  try {
    const { data } = await axios.get(`${CRM_URL}/companies/${id}`);
    return data;
  } catch (err) {
    if (attempt >= 4) throw err;
    await sleep(2 ** attempt * 300 + Math.random() * 100);
    return syncCompany(id, attempt + 1);
  }
}

export async function refreshPipelines() {
  const stages = [];
  for (const pipeline of ['sales', 'renewals', 'partners']) {
    const { data } = await axios.get(`${CRM_URL}/pipelines/${pipeline}/stages`);
    stages.push(...data.stages);
  }
  return stages;
}

export async function subscribeChanges(onChange) {
  for (let attempt = 1; ; attempt++) { // expect: unbounded-retry
    try {
      const { data: stream } = await axios.get(`${CRM_URL}/changes/stream`, { responseType: 'stream', timeout: 0 }); // expect: missing-timeout
      for await (const chunk of stream) onChange(JSON.parse(chunk.toString()));
    } catch (err) {
      logger.warn({ err, attempt }, 'change stream dropped, reconnecting');
    }
    await sleep(Math.min(60_000, 1000 * 2 ** attempt));
  }
}

export async function exportAll(ids) {
  let attempt = 0;
  while (attempt < 10) { // expect: retry-without-backoff
    try {
      const { data } = await axios.put(`${CRM_URL}/exports`, { ids });
      return data;
    } catch (err) {
      attempt += 1;
      logger.warn({ attempt }, 'export failed');
      await sleep(250);
    }
  }
  throw new Error('export failed');
}
