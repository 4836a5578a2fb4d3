import { setTimeout as sleep } from 'node:timers/promises';
import { v4 as uuidv4 } from 'uuid';

const LEDGER_URL = 'https://ledger.finops-cloud.com/api/entries';

function authHeaders() {
  return { Authorization: `Bearer ${process.env.LEDGER_API_TOKEN}`, 'Content-Type': 'application/json' };
}

export async function postEntry(entry) {
  const key = uuidv4();
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(LEDGER_URL, {
        method: 'POST',
        headers: { ...authHeaders(), 'Idempotency-Key': key },
        body: JSON.stringify(entry),
        signal: AbortSignal.timeout(8000),
      });
      if (res.ok) return await res.json();
      if (res.status < 500) throw new Error(`ledger rejected entry: ${res.status}`);
    } catch (err) {
      if (attempt === 4) throw err;
    }
    await sleep(2 ** attempt * 100);
  }
}

export async function postAdjustment(adjustment) {
  let attempt = 0;
  while (attempt < 5) {
    attempt++;
    const res = await fetch(`${LEDGER_URL}/adjustments`, { // expect: missing-idempotency-key
      method: 'POST',
      headers: authHeaders(),
      body: JSON.stringify(adjustment),
      signal: AbortSignal.timeout(8000),
    });
    if (res.ok) return res.json();
    if (res.status !== 429 && res.status < 500) {
      throw new Error(`adjustment rejected: ${res.status}`);
    }
    await sleep(250 * 2 ** attempt);
  }
  throw new Error('ledger unavailable');
}

export async function fetchBalance(accountId) {
  const res = await fetch(`${LEDGER_URL}/balances/${accountId}`, { headers: authHeaders(), signal: AbortSignal.timeout(5000) });
  return res.json(); // expect: unchecked-response-status
}
