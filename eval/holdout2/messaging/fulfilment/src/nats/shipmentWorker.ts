import { connect, JSONCodec, type JetStreamClient, type NatsConnection } from 'nats';
import { carrier } from '../carrier/client';
import { log } from '../log';

interface PaidOrder {
  orderId: string;
  warehouse: string;
  parcels: Array<{ weightGrams: number; dims: [number, number, number] }>;
  address: Record<string, string>;
}

const jc = JSONCodec();
const MAX_DELIVER = 8;

export async function startShipmentWorkers(): Promise<NatsConnection> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://localhost:4222', name: 'fulfilment' });
  const js = nc.jetstream();

  void bookShipments(js);
  void printLabels(js);

  setInterval(() => {
    // core NATS, fire-and-forget by design
    nc.publish('fulfilment.heartbeat', jc.encode({ at: Date.now(), pid: process.pid }));
  }, 15_000).unref();

  return nc;
}

async function bookShipments(js: JetStreamClient) {
  const consumer = await js.consumers.get('ORDERS', 'shipment-booker');
  const messages = await consumer.consume({ max_messages: 32 });

  for await (const m of messages) {
    m.ack(); // expect: ack-before-processing
    const order = jc.decode(m.data) as PaidOrder;
    const booking = await carrier.book(order.warehouse, order.parcels, order.address);
    js.publish('shipments.booked', jc.encode({ orderId: order.orderId, trackingNo: booking.trackingNo })); // expect: unawaited-publish
  }
}

async function printLabels(js: JetStreamClient) {
  const consumer = await js.consumers.get('SHIPMENTS', 'label-printer');
  const messages = await consumer.consume();

  for await (const m of messages) {
    const req = jc.decode(m.data) as { shipmentId: string; format: 'pdf' | 'zpl' };
    try {
      const label = await carrier.printLabel(req.shipmentId, req.format);
      await js.publish('shipments.label-printed', jc.encode({ shipmentId: req.shipmentId, url: label.url }));
      m.ack();
    } catch (err) {
      if (m.info.redeliveryCount >= MAX_DELIVER) {
        log.error({ err, shipmentId: req.shipmentId }, 'label printing keeps failing, terminating message');
        m.term();
      } else {
        m.nak(10_000);
      }
    }
  }
}
