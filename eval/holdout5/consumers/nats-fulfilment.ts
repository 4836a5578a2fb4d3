import { connect, StringCodec, AckPolicy, type JetStreamClient } from 'nats';
import { allocateCourier, storeTrackingEvent } from '../services/couriers';

const sc = StringCodec();

export async function run(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222' });
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('SHIPMENTS', { durable_name: 'courier-allocator', ack_policy: AckPolicy.Explicit });

  const allocator = await js.consumers.get('SHIPMENTS', 'courier-allocator');
  const messages = await allocator.consume();
  for await (const m of messages) {
    m.ack(); // expect: ack-before-processing
    const shipment = JSON.parse(sc.decode(m.data));
    const courier = await allocateCourier(shipment);
    announce(js, shipment.id, courier);
  }
}

function announce(js: JetStreamClient, shipmentId: string, courier: string): void {
  js.publish('shipments.allocated', sc.encode(JSON.stringify({ shipmentId, courier }))); // expect: unawaited-publish
}

export async function runTracking(js: JetStreamClient): Promise<void> {
  const tracking = await js.consumers.get('TRACKING', 'tracking-store');
  const messages = await tracking.consume({ max_messages: 50 });
  for await (const m of messages) {
    const event = JSON.parse(sc.decode(m.data));
    await storeTrackingEvent(event);
    await js.publish('tracking.stored', sc.encode(event.id));
    m.ack();
  }
}
