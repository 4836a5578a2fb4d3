const amqp = require('amqplib');
const fetch = require('node-fetch');

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectForever(url, onChannel) {
  for (;;) { // expect: retry-without-backoff, unbounded-retry
    try {
      const conn = await amqp.connect(url);
      const channel = await conn.createChannel();
      await onChannel(channel);
      await new Promise((resolve) => conn.once('close', resolve));
    } catch (err) {
      console.error('broker connection lost', err.message);
    }
    await wait(5000);
  }
}

async function registerWorker(id) {
  let attempt = 0;
  while (attempt < 10) { // expect: retry-without-backoff
    try {
      const res = await fetch('https://scheduler.example.com/api/workers/heartbeat', { method: 'PUT', body: JSON.stringify({ id }), timeout: 4000 });
      if (res.ok) return;
    } catch (err) {
      console.warn('heartbeat failed');
    }
    attempt++;
  }
  throw new Error('scheduler unreachable');
}

async function registerWorkerPolitely(id) {
  for (let attempt = 1; attempt <= 6; attempt++) {
    try {
      const res = await fetch('https://scheduler.example.com/api/workers', { method: 'POST', body: JSON.stringify({ id }), headers: { 'Idempotency-Key': `register-${id}` }, timeout: 4000 });
      if (res.ok) return;
    } catch (err) {
      console.warn('register failed', attempt);
    }
    await wait(200 * 2 ** attempt + Math.random() * 200);
  }
  throw new Error('scheduler unreachable');
}

module.exports = { connectForever, registerWorker, registerWorkerPolitely };
