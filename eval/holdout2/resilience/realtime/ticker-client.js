// Server-sent-events consumer for the order-status stream, plus the dev websocket bridge.
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

const STREAM_URL = process.env.ORDER_STREAM_URL || 'https://events.fulfilment-hub.com/v1/orders/stream';
const DEV_BRIDGE = 'ws://127.0.0.1:4010/bridge';

function parseEvents(chunk, state) {
  state.buffer += chunk;
  const events = [];
  let idx;
  while ((idx = state.buffer.indexOf('\n\n')) !== -1) {
    const raw = state.buffer.slice(0, idx);
    state.buffer = state.buffer.slice(idx + 2);
    const data = raw
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (data) events.push(JSON.parse(data));
  }
  return events;
}

/**
 * Keeps the order stream open for the lifetime of the worker. The connection drops every
 * few hours on the vendor side, so we simply reconnect.
 */
export async function followOrders(onEvent, { lastEventId } = {}) {
  for (;;) { // expect: unbounded-retry, retry-without-backoff
    const controller = new AbortController();
    const idle = setInterval(() => controller.abort(new Error('stream idle')), 90_000);
    try {
      const res = await fetch(STREAM_URL, {
        headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream refused: ${res.status}`);
      const state = { buffer: '' };
      const decoder = new TextDecoder();
      for await (const chunk of res.body) {
        for (const evt of parseEvents(decoder.decode(chunk, { stream: true }), state)) {
          lastEventId = evt.id;
          await onEvent(evt);
        }
      }
    } catch (err) {
      console.warn('order stream dropped:', err.message);
    } finally {
      clearInterval(idle);
    }
    await sleep(5000);
  }
}

/**
 * Developer bridge: mirrors the stream onto a local websocket so the storybook mocks can
 * listen. Reconnects with backoff, at most 10 times in a row.
 */
export async function bridge(source) {
  let failures = 0;
  let wait = 250;
  while (failures < 10) {
    try {
      const ws = new WebSocket(DEV_BRIDGE);
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      failures = 0;
      wait = 250;
      for await (const evt of source) ws.send(JSON.stringify(evt));
      return;
    } catch (err) {
      failures += 1;
      await sleep(wait + Math.floor(Math.random() * wait));
      wait = Math.min(wait * 2, 10_000);
    }
  }
  throw new Error('dev bridge unreachable');
}

export async function snapshot(orderId) {
  const res = await fetch(`https://events.fulfilment-hub.com/v1/orders/${orderId}`, {
    signal: AbortSignal.timeout(5000),
  });
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return null;
    default:
      throw new Error(`snapshot failed: ${res.status}`);
  }
}

export async function orderNotes(orderId) {
  const res = await fetch(`https://events.fulfilment-hub.com/v1/orders/${orderId}/notes`, {
    headers: { accept: 'text/plain' },
    signal: AbortSignal.timeout(5000),
  });
  return res.text(); // expect: unchecked-response-status
}
