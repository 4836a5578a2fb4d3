import axios from 'axios';
import axiosRetry from 'axios-retry';
import { listChangedContacts } from '../services/contacts';

const hubspot = axios.create({ // expect: missing-timeout
  baseURL: 'https://api.hubapi.com/crm/v3',
  headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
});
axiosRetry(hubspot, { retries: 3 }); // expect: retry-without-backoff

const pipedrive = axios.create({ baseURL: 'https://api.pipedrive.com/v1', timeout: 12_000 });
axiosRetry(pipedrive, { retries: 4, retryDelay: axiosRetry.exponentialDelay });

const salesforce = axios.create({ baseURL: process.env.SF_INSTANCE_URL, timeout: 20_000 });
axiosRetry(salesforce, { retries: 2, retryDelay: () => 1_000 }); // expect: retry-without-backoff

export async function syncContacts(): Promise<void> {
  const changed = await listChangedContacts();
  for (const contact of changed) {
    await hubspot.patch(`/objects/contacts/${contact.hubspotId}`, { properties: contact.properties });
    await pipedrive.put(`/persons/${contact.pipedriveId}`, contact.properties, { params: { api_token: process.env.PIPEDRIVE_TOKEN } });
    await salesforce.patch(`/sobjects/Contact/${contact.salesforceId}`, contact.properties);
  }
  const status = await axios.get('https://status.hubspot.com/api/v2/status.json', { timeout: 0 }); // expect: missing-timeout
  console.log('hubspot status', status.data.status.indicator);
  const health = await axios.get('https://status.pipedrive.com/api/v2/status.json', { timeout: 3_000 });
  console.log('pipedrive status', health.data.status.indicator);
}
