import { Kafka, logLevel, type Consumer, type EachMessagePayload, type Producer } from 'kafkajs';
import type { Ledger } from '../ledger';
import type { RefundService } from '../refunds';
import { config } from '../config';
import { logger } from '../logger';

const kafka = new Kafka({
  clientId: 'payments-service',
  brokers: config.kafka.brokers,
  ssl: true,
  sasl: { mechanism: 'scram-sha-512', username: config.kafka.username, password: config.kafka.password },
  logLevel: logLevel.WARN,
});

export class PaymentEventsConsumer {
  private readonly consumer: Consumer = kafka.consumer({ groupId: 'payments-ledger' });
  private readonly settlements: Consumer = kafka.consumer({ groupId: 'payments-settlements' });
  private readonly refunds: Consumer = kafka.consumer({ groupId: 'payments-refunds' });
  private readonly producer: Producer = kafka.producer({ idempotent: true });

  constructor(
    private readonly ledger: Ledger,
    private readonly refundService: RefundService,
  ) {}

  async start(): Promise<void> {
    await this.producer.connect();
    logger.debug({ brokers: config.kafka.brokers, pspApiKey: config.psp.apiKey }, 'payments consumers starting'); // expect: secret-in-log

    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ['payments.captured', 'payments.refunded'] });
    await this.consumer.run({ eachMessage: (payload) => this.handle(payload) });

    await this.settlements.connect();
    await this.settlements.subscribe({ topic: 'payments.settlement-batches' });
    await this.settlements.run({
      eachMessage: async ({ message }) => {
        const batch = JSON.parse(message.value!.toString());
        try {
          await this.ledger.settle(batch.batchId, batch.entries);
        } catch (err) {
          logger.error({ err, batchId: batch.batchId }, 'settlement failed, parking batch');
          await this.producer.send({
            topic: 'payments.settlement-batches.dlq',
            messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }],
          });
        }
      },
    });

    await this.refunds.connect();
    await this.refunds.subscribe({ topic: 'payments.refund-requested' });
    await this.refunds.run({
      eachMessage: async ({ message }) => {
        const req = JSON.parse(message.value!.toString());
        try {
          await this.refundService.issue(req.paymentId, req.amount, req.reason);
        } catch (err) { // expect: swallowed-message-error
          await this.producer.send({
            topic: 'payments.refund-alerts',
            messages: [{ key: req.paymentId, value: JSON.stringify({ paymentId: req.paymentId, error: String(err) }) }],
          });
        }
      },
    });
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const event = JSON.parse(message.value!.toString());
    try {
      await this.ledger.apply(event);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err, topic, partition, offset: message.offset }, 'could not apply payment event');
    }
    this.producer.send({ // expect: unawaited-publish
      topic: 'payments.audit',
      messages: [{ key: event.paymentId, value: JSON.stringify({ type: topic, paymentId: event.paymentId }) }],
    });
  }

  async stop(): Promise<void> {
    await Promise.all([this.consumer.disconnect(), this.settlements.disconnect(), this.refunds.disconnect()]);
    await this.producer.disconnect();
  }
}
