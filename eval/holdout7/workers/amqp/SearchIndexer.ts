import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from 'pino';

interface IndexClient {
  index(doc: { id: string; body: unknown }): Promise<void>;
  remove(id: string): Promise<void>;
}

export class SearchIndexer {
  constructor(
    private readonly channel: Channel,
    private readonly search: IndexClient,
    private readonly logger: Logger,
  ) {}

  async start() {
    await this.channel.prefetch(20);
    await this.channel.consume('search.index', (msg) => msg && this.onIndex(msg));
    await this.channel.consume('search.remove', (msg) => msg && this.onRemove(msg));
    await this.channel.consume('search.audit', (msg) => msg && this.logger.info({ rk: msg.fields.routingKey }, 'audit'), { noAck: true }); // expect: ack-before-processing
  }

  private async onIndex(msg: ConsumeMessage) {
    this.channel.ack(msg); // expect: ack-before-processing
    const doc = JSON.parse(msg.content.toString());
    await this.search.index(doc);
  }

  private async onRemove(msg: ConsumeMessage) {
    const { id } = JSON.parse(msg.content.toString()) as { id: string };
    try {
      await this.search.remove(id);
      this.channel.ack(msg);
    } catch (err) {
      this.logger.error({ err, id }, 'remove failed');
      this.channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
}
