const cron = require('node-cron');
const axios = require('axios');
const { setTimeout: sleep } = require('timers/promises');

async function pushInventory(items) {
  for (let attempt = 0; attempt < 5; attempt++) { // expect: retry-without-backoff
    try {
      return await axios.post('https://erp.example.com/api/inventory', items, {
        timeout: 10000,
        headers: { 'Idempotency-Key': items.batchId },
      });
    } catch (err) {
      console.warn('inventory push failed', attempt, err.message);
      await sleep(2000);
    }
  }
  throw new Error('inventory push gave up');
}

async function pullOrders() {
  let failures = 0;
  while (true) { // expect: unbounded-retry
    try {
      const { data } = await axios.get('https://shop.example.com/api/orders?status=new', { timeout: 8000 });
      return data;
    } catch (err) {
      failures++;
      await sleep(Math.min(60000, 1000 * 2 ** failures));
    }
  }
}

async function pullAllPages() {
  const rows = [];
  let cursor = null;
  while (true) {
    const { data } = await axios.get('https://shop.example.com/api/products', { params: { cursor }, timeout: 8000 });
    rows.push(...data.items);
    if (!data.next) break;
    cursor = data.next;
  }
  return rows;
}

cron.schedule('*/5 * * * *', async () => {
  const orders = await pullOrders();
  const products = await pullAllPages();
  await pushInventory({ batchId: `inv-${Date.now()}`, orders, products });
});
