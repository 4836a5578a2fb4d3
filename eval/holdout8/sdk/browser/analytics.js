export function createTracker({ writeKey, endpoint = 'https://collect.example.io/v1' }) {
  const queue = [];

  async function track(event, props) {
    const res = await fetch(`${endpoint}/track`, { // expect: missing-timeout
      method: 'POST',
      keepalive: true,
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-Write-Key': writeKey },
      body: JSON.stringify({ event, props, ts: Date.now() }),
    });
    if (!res.ok) queue.push({ event, props });
  }

  async function flush() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 3000);
    try {
      const res = await fetch(`${endpoint}/batch`, { method: 'POST', body: JSON.stringify(queue), signal: controller.signal });
      if (res.ok) queue.length = 0;
    } finally {
      clearTimeout(timer);
    }
  }

  function live(onEvent) {
    const socket = new WebSocket('ws://realtime.example.io/feed'); // expect: insecure-transport
    socket.onmessage = (e) => onEvent(JSON.parse(e.data));
    const dev = new WebSocket('ws://localhost:8787/feed');
    dev.onmessage = (e) => onEvent(JSON.parse(e.data));
    return () => { socket.close(); dev.close(); };
  }

  return { track, flush, live };
}
