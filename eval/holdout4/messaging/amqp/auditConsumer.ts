import type { Channel, ConsumeMessage } from 'amqplib';
import { auditStore } from '../audit/store';

export class AuditConsumer {
  constructor(private readonly channel: Channel) {}

  async start() {
    await this.channel.assertQueue('audit.events', { durable: true });
    await this.channel.consume('audit.events', (msg) => this.onMessage(msg), { noAck: true }); // expect: ack-before-processing
    await this.channel.consume('audit.exports', (msg) => this.onExport(msg), { noAck: false });
  }

  private async onMessage(msg: ConsumeMessage | null) {
    if (!msg) return;
    await auditStore.append(JSON.parse(msg.content.toString()));
  }

  private async onExport(msg: ConsumeMessage | null) {
    if (!msg) return;
    this.channel.ack(msg); // expect: ack-before-processing
    const request = JSON.parse(msg.content.toString());
    await auditStore.export(request.from, request.to);
  }
}
