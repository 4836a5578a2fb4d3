import { Kafka, type Consumer, type EachMessagePayload, type Producer } from 'kafkajs';
import type { Logger } from 'winston';

interface ProjectionStore {
  apply(event: { type: string; orderId: string }): Promise<void>;
}

export class OrderProjector {
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly store: ProjectionStore,
    private readonly logger: Logger,
  ) {
    this.consumer = kafka.consumer({ groupId: 'order-projector' });
    this.producer = kafka.producer({ idempotent: true });
  }

  async start() {
    await Promise.all([this.consumer.connect(), this.producer.connect()]);
    await this.consumer.subscribe({ topics: ['orders.events'] });
    await this.consumer.run({ eachMessage: (payload) => this.handle(payload) });
  }

  private async handle({ message, partition }: EachMessagePayload) {
    const event = JSON.parse(message.value!.toString());
    try {
      await this.store.apply(event);
    } catch (err) { // expect: swallowed-message-error
      this.logger.error('projection failed', { err, partition, offset: message.offset });
      return;
    }
    try {
      await this.metrics(event.type);
    } catch (err) {
      this.logger.warn('metrics failed', { err });
    }
    this.producer.send({ topic: 'orders.projected', messages: [{ key: event.orderId, value: message.value }] }); // expect: unawaited-publish
  }

  private async metrics(type: string) {
    await this.producer.send({ topic: 'metrics.orders', messages: [{ value: type }] });
  }
}
