import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';

axios.defaults.timeout = 20_000;

const WISE = 'https://api.wise.com';
const auth = { Authorization: `Bearer ${process.env.WISE_API_TOKEN}` };

export async function fundTransfer(profileId: string, transferId: string): Promise<void> {
  let attempt = 0;
  while (attempt < 4) {
    try {
      await axios.post(`${WISE}/v3/profiles/${profileId}/transfers/${transferId}/payments`, { type: 'BALANCE' }, { headers: auth }); // expect: missing-idempotency-key
      return;
    } catch (err) {
      attempt++;
      if (attempt >= 4) throw err;
      await sleep(1_000 * 2 ** attempt);
    }
  }
}

export async function createQuote(profileId: string, amount: number): Promise<string> {
  const { data } = await axios.post(
    `${WISE}/v3/profiles/${profileId}/quotes`,
    { sourceCurrency: 'EUR', targetCurrency: 'USD', sourceAmount: amount },
    { headers: auth },
  );
  return data.id as string;
}

export async function createTransfer(quoteId: string, recipient: number, customerTransactionId: string): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { data } = await axios.post(
        `${WISE}/v1/transfers`,
        { targetAccount: recipient, quoteUuid: quoteId, customerTransactionId },
        { headers: { ...auth, 'Idempotency-Key': customerTransactionId } },
      );
      return data.id as number;
    } catch (err) {
      if (attempt === 2) throw err;
      await sleep(500 * 2 ** attempt);
    }
  }
  throw new Error('unreachable');
}
