import { Injectable, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';

interface User { id: string; email: string }

@Injectable()
export class EventsService implements OnModuleInit {
  private readonly producer: Producer = new Kafka({ clientId: 'users', brokers: ['kafka-0.kafka:9092'] }).producer();

  async onModuleInit() {
    await this.producer.connect();
  }

  emitUserCreated(user: User) {
    this.producer.send({ topic: 'users.created', messages: [{ key: user.id, value: JSON.stringify(user) }] }); // expect: unawaited-publish
  }

  async emitUserDeleted(id: string) {
    await this.producer.send({ topic: 'users.deleted', messages: [{ key: id, value: id }] });
  }

  emitUserUpdated(user: User) {
    return this.producer.send({ topic: 'users.updated', messages: [{ key: user.id, value: JSON.stringify(user) }] });
  }
}
