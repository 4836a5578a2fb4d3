import fetch, { RequestInit, Response } from 'node-fetch';

type Json = Record<string, unknown>;

const CRM_URL = 'https://api.pipelinecrm.io/v2';

function crmHeaders(): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${process.env.CRM_API_TOKEN}`,
  };
}

async function expectOk(res: Response, what: string): Promise<Response> {
  if (!res.ok) {
    throw new Error(`${what} failed with HTTP ${res.status}`);
  }
  return res;
}

// node-fetch v2: the numeric timeout option is honoured.
export async function getContact(id: string): Promise<Json> {
  const res = await fetch(`${CRM_URL}/contacts/${id}`, { headers: crmHeaders(), timeout: 5000 });
  await expectOk(res, 'getContact');
  return (await res.json()) as Json;
}

export async function upsertContact(contact: Json): Promise<Json> {
  const init: RequestInit = {
    method: 'PUT',
    headers: crmHeaders(),
    body: JSON.stringify(contact),
  };
  const res = await fetch(`${CRM_URL}/contacts`, init); // expect: missing-timeout
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`upsert failed: ${res.status}`);
  }
  return (await res.json()) as Json;
}

export async function searchDeals(query: string): Promise<Json[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 7_500);
  try {
    const res = await fetch(`${CRM_URL}/deals?q=${encodeURIComponent(query)}`, {
      headers: crmHeaders(),
      signal: controller.signal,
    });
    await expectOk(res, 'searchDeals');
    const body = (await res.json()) as { items: Json[] };
    return body.items;
  } finally {
    clearTimeout(timer);
  }
}

export async function archiveDeal(id: string): Promise<void> {
  const res = await fetch(`${CRM_URL}/deals/${id}/archive`, { method: 'POST', headers: crmHeaders() }); // expect: missing-timeout
  await expectOk(res, 'archiveDeal');
}

export async function sendRaw(path: string, init: RequestInit): Promise<Response> {
  // Options come from the caller; they carry their own signal.
  return fetch(`${CRM_URL}${path}`, init);
}

export async function crmHealth(): Promise<boolean> {
  const res = await fetch(`${CRM_URL}/health`);  // expect: missing-timeout
  const payload = (await res.json()) as { ok: boolean }; // expect: unchecked-response-status
  return payload.ok;
}
