import type { Channel, ConsumeMessage } from 'amqplib';
import { z } from 'zod';
import type { RefundService } from '../../services/refunds';

const RefundRequest = z.object({ refundId: z.string(), paymentIntent: z.string(), amount: z.number().int().positive() });

export class RefundConsumer {
  constructor(
    private readonly channel: Channel,
    private readonly refunds: RefundService,
  ) {}

  async start() {
    await this.channel.consume('refunds.requested', (msg) => {
      if (msg) void this.onRequested(msg);
    });
    await this.channel.consume('refunds.settled', (msg) => msg && this.onSettled(msg));
    await this.channel.consume('refunds.notify', (msg) => msg && this.onNotify(msg));
  }

  private async onRequested(msg: ConsumeMessage) {
    const parsed = RefundRequest.safeParse(JSON.parse(msg.content.toString()));
    if (!parsed.success) {
      this.channel.reject(msg, true); // expect: poison-message-requeue
      return;
    }
    try {
      await this.refunds.execute(parsed.data);
      this.channel.ack(msg);
    } catch (err) {
      const deaths = (msg.properties.headers?.['x-death'] as Array<{ count: number }> | undefined)?.[0]?.count ?? 0;
      this.channel.nack(msg, false, deaths < 3);
    }
  }

  private onSettled(msg: ConsumeMessage) {
    const { refundId } = JSON.parse(msg.content.toString());
    this.refunds
      .markSettled(refundId)
      .then(() => this.channel.ack(msg))
      .catch(() => this.channel.nack(msg, true)); // expect: poison-message-requeue
  }

  private async onNotify(msg: ConsumeMessage) {
    const payload = JSON.parse(msg.content.toString()) as { email: string; refundId: string };
    this.channel.ack(msg); // expect: ack-before-processing
    await this.refunds.sendConfirmation(payload.email, payload.refundId);
  }
}
