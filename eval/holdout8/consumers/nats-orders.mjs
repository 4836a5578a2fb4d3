import { connect, StringCodec } from 'nats';
import { fulfil, invoice } from './orders.js';

const sc = StringCodec();
const nc = await connect({ servers: process.env.NATS_URL });
const js = nc.jetstream();

const fulfilment = await js.consumers.get('ORDERS', 'fulfil');
const invoicing = await js.consumers.get('ORDERS', 'invoice');

(async () => {
  for await (const m of await fulfilment.consume()) {
    m.ack(); // expect: ack-before-processing
    await fulfil(m.json());
    js.publish('orders.fulfilled', sc.encode(m.json().id)); // expect: unawaited-publish
  }
})();

for await (const m of await invoicing.consume()) {
  await invoice(m.json());
  await js.publish('orders.invoiced', sc.encode(m.json().id));
  m.ack();
}
