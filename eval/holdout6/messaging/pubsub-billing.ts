import { PubSub, type Message } from '@google-cloud/pubsub';
import type { Logger } from 'pino';

export interface UsageLedger {
  record(event: { customerId: string; meter: string; quantity: number }): Promise<void>;
  markSeen(messageId: string): Promise<void>;
}

export class UsageSubscriber {
  private readonly pubsub = new PubSub();

  constructor(
    private readonly ledger: UsageLedger,
    private readonly log: Logger,
  ) {}

  start() {
    this.pubsub.subscription('usage-events').on('message', (m: Message) => this.onUsage(m));
    this.pubsub.subscription('usage-corrections').on('message', (m: Message) => this.onCorrection(m));
  }

  private async onUsage(message: Message) {
    const event = JSON.parse(message.data.toString('utf8'));
    this.ledger.markSeen(message.id).catch((err) => this.log.debug({ err }, 'seen marker failed'));
    await this.ledger.record(event).catch((err) => this.log.error({ err, id: message.id }, 'usage record failed')); // expect: swallowed-message-error
    message.ack();
  }

  private async onCorrection(message: Message) {
    try {
      await this.ledger.record(JSON.parse(message.data.toString('utf8')));
      message.ack();
    } catch (err) {
      this.log.warn({ err }, 'correction failed, nacking');
      message.nack();
    }
  }
}
