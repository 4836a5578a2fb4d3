import type { Channel, ConsumeMessage } from 'amqplib';
import { findOrder, settlePayment, SettlementError } from '../../services/settlement';
import { logger } from '../../lib/logger';

interface SettlementMessage {
  orderId: string;
  pspReference: string;
  amountCents: number;
}

const parse = (msg: ConsumeMessage): SettlementMessage => JSON.parse(msg.content.toString('utf8'));

export class SettlementConsumer {
  constructor(private readonly channel: Channel) {}

  async start(): Promise<void> {
    await this.channel.prefetch(10);
    await this.channel.consume('payments.settlements', (msg) => msg && this.onSettlement(msg));
    await this.channel.consume('payments.chargebacks', (msg) => msg && this.onChargeback(msg));
    await this.channel.consume('payments.payout-reports', (msg) => msg && this.onPayoutReport(msg));
  }

  private async onSettlement(msg: ConsumeMessage): Promise<void> {
    const body = parse(msg);
    const order = await findOrder(body.orderId);
    if (!order) {
      // The order service may not have caught up yet.
      logger.warn({ orderId: body.orderId }, 'settlement for unknown order, requeueing');
      this.channel.nack(msg, false, true); // expect: poison-message-requeue
      return;
    }
    try {
      await settlePayment(order, body.pspReference, body.amountCents);
      this.channel.ack(msg);
    } catch (err) {
      logger.error({ err, orderId: body.orderId }, 'settlement failed');
      this.channel.reject(msg); // expect: poison-message-requeue
    }
  }

  private async onChargeback(msg: ConsumeMessage): Promise<void> {
    const body = parse(msg);
    try {
      await settlePayment(await findOrder(body.orderId), body.pspReference, -body.amountCents);
      this.channel.ack(msg);
    } catch (err) {
      if (msg.fields.redelivered) {
        logger.error({ err, orderId: body.orderId }, 'chargeback failed twice; dead-lettering');
        this.channel.nack(msg, false, false);
      } else {
        this.channel.nack(msg);
      }
    }
  }

  private async onPayoutReport(msg: ConsumeMessage): Promise<void> {
    try {
      const body = parse(msg);
      await settlePayment(await findOrder(body.orderId), body.pspReference, body.amountCents);
      this.channel.ack(msg);
    } catch (err) {
      if (err instanceof SettlementError && err.retryable) {
        this.channel.nack(msg, true); // expect: poison-message-requeue
        return;
      }
      throw err;
    }
  }
}
