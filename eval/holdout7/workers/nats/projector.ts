import { connect, StringCodec, AckPolicy } from 'nats';
import { applyProjection, reserveInventory, bumpCounter } from './projection';

const sc = StringCodec();

export async function runProjector() {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222' });
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('ORDERS', { durable_name: 'projector', ack_policy: AckPolicy.Explicit });
  const consumer = await js.consumers.get('ORDERS', 'projector');
  const messages = await consumer.consume({ max_messages: 100 });

  for await (const m of messages) {
    m.ack(); // expect: ack-before-processing
    const event = JSON.parse(sc.decode(m.data));
    await applyProjection(event);
    js.publish('orders.projected', sc.encode(JSON.stringify({ id: event.id }))); // expect: unawaited-publish
  }
}

export async function runReservations() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('ORDERS', 'reservations');
  for await (const m of await consumer.consume()) {
    try {
      await reserveInventory(JSON.parse(sc.decode(m.data)));
      m.ack();
    } catch (err) { // expect: swallowed-message-error
      console.error('reservation failed', err);
      m.ack();
    }
  }
}

export async function runForwarder() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = nc.jetstream();
  const consumer = await js.consumers.get('ORDERS', 'forwarder');
  for await (const m of await consumer.consume()) {
    await js.publish('archive.orders', m.data);
    m.ack();
    await bumpCounter('forwarded');
  }
}
