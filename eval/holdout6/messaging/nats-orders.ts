import { connect, JSONCodec, AckPolicy, type JetStreamClient } from 'nats';
import { reserveStock } from '../inventory';

const jc = JSONCodec<{ orderId: string; sku: string; qty: number }>();

export async function runReservations(servers: string) {
  const nc = await connect({ servers });
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('ORDERS', { durable_name: 'reservations', ack_policy: AckPolicy.Explicit });

  const consumer = await js.consumers.get('ORDERS', 'reservations');
  const messages = await consumer.consume({ max_messages: 50 });
  for await (const m of messages) {
    const order = jc.decode(m.data);
    try {
      await reserveStock(order.sku, order.qty);
      m.ack(); // expect: ack-before-processing
      js.publish('orders.reserved', jc.encode(order)); // expect: unawaited-publish
    } catch (err) {
      console.error('reservation failed', order.orderId, err);
      m.nak(5_000);
    }
  }
}

export async function announce(js: JetStreamClient, orderId: string) {
  await js.publish('orders.announced', jc.encode({ orderId, sku: '', qty: 0 }));
}
