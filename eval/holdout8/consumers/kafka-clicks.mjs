export async function publishClick(producer, click) {
  await producer.send({
    topic: 'clicks',
    acks: 0, // expect: unawaited-publish
    messages: [{ value: JSON.stringify(click) }],
  });
}

export async function publishBatch(producer, clicks) {
  const pending = clicks.map((c) => producer.send({ topic: 'clicks', acks: -1, messages: [{ value: JSON.stringify(c) }] }));
  await Promise.all(pending);
}

export function fireAndForget(producer, click) {
  void producer.send({ topic: 'clicks.raw', messages: [{ value: JSON.stringify(click) }] }); // expect: unawaited-publish
}

export function bestEffort(producer, click) {
  producer.send({ topic: 'clicks.raw', messages: [{ value: JSON.stringify(click) }] }).catch((err) => console.warn('click lost', err.message));
}

export async function runAggregator(consumer, producer, aggregate) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        await aggregate(JSON.parse(message.value.toString()));
      } catch (err) {
        await producer.send({ topic: 'clicks.retry', messages: [message] });
      }
    },
  });
}
