import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { OrdersService } from '../orders/orders.service';

@Injectable()
export class OrdersConsumer implements OnModuleInit {
  private readonly logger = new Logger(OrdersConsumer.name);
  private readonly kafka = new Kafka({ clientId: 'orders', brokers: [process.env.KAFKA_BROKER!] });
  private readonly consumer = this.kafka.consumer({ groupId: 'orders-projection' });
  private readonly producer: Producer = this.kafka.producer();

  constructor(private readonly orders: OrdersService) {}

  async onModuleInit() {
    await Promise.all([this.consumer.connect(), this.producer.connect()]);
    await this.consumer.subscribe({ topics: ['payments.captured', 'payments.failed'] });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) =>
        topic === 'payments.captured' ? this.onCaptured(message) : this.onFailed(message),
    });
  }

  private async onCaptured(message: KafkaMessage) {
    const payment = JSON.parse(message.value!.toString());
    try {
      await this.orders.markPaid(payment.orderId, payment.amount);
    } catch (error) { // expect: swallowed-message-error
      this.logger.error(`could not mark order ${payment.orderId} paid`, (error as Error).stack);
    }
  }

  private async onFailed(message: KafkaMessage) {
    const payment = JSON.parse(message.value!.toString());
    try {
      await this.orders.markPaymentFailed(payment.orderId, payment.reason);
    } catch (error) {
      this.logger.warn(`parking failed-payment event for ${payment.orderId}`);
      await this.producer.send({
        topic: 'payments.failed.dlq',
        messages: [{ key: message.key, value: message.value, headers: { error: String(error) } }],
      });
    }
  }
}
