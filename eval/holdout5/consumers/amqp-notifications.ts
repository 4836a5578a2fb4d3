import type { Channel, ConsumeMessage } from 'amqplib';
import { pushNotification, renderTemplate } from '../services/notify';
import { logger } from '../lib/logger';

const MAX_DELIVERIES = 5;

function deliveryCount(msg: ConsumeMessage): number {
  const deaths = msg.properties.headers?.['x-death'] as { count: number }[] | undefined;
  return deaths?.reduce((sum, d) => sum + d.count, 0) ?? 0;
}

export class NotificationConsumer {
  constructor(private readonly channel: Channel) {}

  async start(): Promise<void> {
    await this.channel.consume('notify.push', (msg) => msg && this.handlePush(msg));
    await this.channel.consume('notify.email', (msg) => msg && this.handleEmail(msg));
  }

  private async handlePush(msg: ConsumeMessage): Promise<void> {
    try {
      const job = JSON.parse(msg.content.toString());
      await pushNotification(job.deviceToken, job.title, job.body);
    } catch (err) { // expect: swallowed-message-error
      logger.error({ err }, 'push failed');
    } finally {
      this.channel.ack(msg);
    }
  }

  private async handleEmail(msg: ConsumeMessage): Promise<void> {
    try {
      const job = JSON.parse(msg.content.toString());
      await renderTemplate(job.template, job.vars);
      this.channel.ack(msg);
    } catch (err) {
      logger.warn({ err, attempts: deliveryCount(msg) }, 'email render failed');
      if (deliveryCount(msg) >= MAX_DELIVERIES) {
        this.channel.nack(msg, false, false);
      } else {
        this.channel.nack(msg, false, true);
      }
    }
  }
}
