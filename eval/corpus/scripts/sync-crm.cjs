#!/usr/bin/env node
'use strict';

const fetch = require('node-fetch');
const { Pool } = require('pg');

const CRM_URL = 'https://api.pipeline-crm.com/v1';
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function crmGet(path) {
  const res = await fetch(`${CRM_URL}${path}`, {
    headers: { Authorization: `Token ${process.env.CRM_TOKEN}` },
    timeout: 15000,
  });
  if (!res.ok) throw new Error(`CRM ${path} -> ${res.status}`);
  return res.json();
}

async function pushContact(contact) {
  let delay = 1000;
  while (true) { // expect: unbounded-retry
    try {
      const res = await fetch(`${CRM_URL}/contacts/${contact.externalId}`, {
        method: 'PUT',
        headers: { Authorization: `Token ${process.env.CRM_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(contact),
        timeout: 10000,
      });
      if (res.status === 429 || res.status >= 500) throw new Error(`retryable ${res.status}`);
      return await res.json();
    } catch (err) {
      console.warn(`push ${contact.externalId} failed (${err.message}); retrying in ${delay}ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, 60000);
    }
  }
}

async function fetchOwners() {
  const res = await fetch(`${CRM_URL}/owners`, { headers: { Authorization: `Token ${process.env.CRM_TOKEN}` } }); // expect: missing-timeout
  const owners = await res.json(); // expect: unchecked-response-status
  return new Map(owners.map((o) => [o.email, o.id]));
}

async function main() {
  const owners = await fetchOwners();
  const { rows } = await pool.query('select id, email, name, owner_email from customers where updated_at > now() - interval \'1 day\'');
  let page = await crmGet('/sync-state');
  console.log(`last sync ${page.lastSyncAt}, ${rows.length} customers changed`);
  for (const row of rows) {
    await pushContact({ externalId: row.id, email: row.email, name: row.name, ownerId: owners.get(row.owner_email) });
  }
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
