const { Kafka } = require('kafkajs');
const projections = require('./projections');
const search = require('./search');

const kafka = new Kafka({ clientId: 'projector', brokers: process.env.BROKERS.split(',') });
const consumer = kafka.consumer({ groupId: 'projector' });
const indexer = kafka.consumer({ groupId: 'indexer' });
const producer = kafka.producer();

async function run() {
  await consumer.connect();
  await indexer.connect();
  await producer.connect();
  await consumer.subscribe({ topics: ['orders'] });
  await indexer.subscribe({ topics: ['products'] });

  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value.toString());
      try {
        await projections.apply(order);
      } catch (err) { // expect: swallowed-message-error
        console.error('projection failed', order.id, err);
      }
      producer.send({ topic: 'orders.projected', messages: [{ key: order.id, value: message.value }] }); // expect: unawaited-publish
    },
  });

  await indexer.run({
    eachMessage: async ({ message }) => {
      await search.index(JSON.parse(message.value.toString())).catch((err) => console.error('index failed', err)); // expect: swallowed-message-error
      await search.touchStatus(message.key.toString()).catch(() => undefined);
    },
  });
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
