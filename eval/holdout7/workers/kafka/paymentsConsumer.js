const { Kafka } = require('kafkajs');
const { settle } = require('./settlement');

const kafka = new Kafka({ clientId: 'payments', brokers: ['kafka-0.kafka.svc.cluster.local:9092'] });
const consumer = kafka.consumer({ groupId: 'payments-settle' });
const producer = kafka.producer();

async function run() {
  await consumer.connect();
  await producer.connect();
  await consumer.subscribe({ topic: 'payments.captured' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const capture = JSON.parse(message.value.toString());
      try {
        await settle(capture);
      } catch (err) {
        await producer.send({ topic: 'payments.captured.retry', messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }] });
      }
      try {
        await notifyFinance(capture.id);
      } catch (err) {
        console.warn('finance notification failed', err.message);
      }
    },
  });
}

async function notifyFinance(id) {
  const res = await fetch(`${process.env.FINANCE_HOOK_URL}/captures/${id}`, { method: 'PUT', signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(`finance ${res.status}`);
}

module.exports = { run };
