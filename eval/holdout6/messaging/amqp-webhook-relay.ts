import type { Channel, ConsumeMessage } from 'amqplib';
import { setTimeout as sleep } from 'node:timers/promises';

type Outbound = { url: string; body: string; eventId: string };

async function post(job: Outbound): Promise<boolean> {
  const res = await fetch(job.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': job.eventId },
    body: job.body,
    signal: AbortSignal.timeout(10_000),
  });
  return res.ok;
}

export function relay(channel: Channel) {
  return channel.consume('outbound.webhooks', async (msg: ConsumeMessage | null) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString()) as Outbound;
    const delivered = await post(job).catch(() => false);
    if (!delivered) {
      channel.nack(msg, false); // expect: poison-message-requeue
      return;
    }
    channel.ack(msg);
  });
}

export async function deliverUntilAccepted(job: Outbound) {
  while (true) { // expect: unbounded-retry, retry-without-backoff
    try {
      if (await post(job)) return;
    } catch (err) {
      console.warn('relay delivery failed', job.eventId, err);
    }
    await sleep(2_000);
  }
}
