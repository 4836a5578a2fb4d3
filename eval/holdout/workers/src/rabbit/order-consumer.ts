import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import { logger } from '../logger';
import { OrdersService } from '../orders/orders.service';
import { InvoiceService } from '../invoices/invoice.service';

const MAX_DELIVERIES = 5;

export class OrderConsumer {
  private channel!: Channel;

  constructor(
    private readonly orders: OrdersService,
    private readonly invoices: InvoiceService,
  ) {}

  async start(url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672') {
    const connection = await amqp.connect(url);
    this.channel = await connection.createChannel();
    await this.channel.prefetch(10);
    await this.channel.assertQueue('orders.created', { durable: true, deadLetterExchange: 'orders.dlx' });

    await this.channel.consume('orders.created', (msg) => msg && this.handleCreated(msg));
    await this.channel.consume('orders.audit', (msg) => this.handleAudit(msg), { noAck: true }); // expect: ack-before-processing
    await this.channel.consume('invoices.requested', (msg) => msg && this.handleInvoice(msg));
    await this.channel.consume('metrics.pageviews', (msg) => msg && this.countPageview(msg), { noAck: false });
  }

  private async handleCreated(msg: ConsumeMessage) {
    const order = JSON.parse(msg.content.toString());
    try {
      await this.orders.reserveStock(order.id, order.lines);
      await this.orders.markReserved(order.id);
      this.channel.ack(msg);
    } catch (err) {
      logger.error({ err, orderId: order.id }, 'reserve failed');
      this.channel.nack(msg); // expect: poison-message-requeue
    }
  }

  private handleAudit(msg: ConsumeMessage | null) {
    if (!msg) return;
    logger.info({ routingKey: msg.fields.routingKey, size: msg.content.length }, 'audit event');
  }

  private async handleInvoice(msg: ConsumeMessage) {
    const request = JSON.parse(msg.content.toString()) as { orderId: string; email: string };
    try {
      const invoice = await this.invoices.generate(request.orderId);
      await this.invoices.email(invoice, request.email);
      this.channel.ack(msg);
    } catch (err) {
      const deaths = (msg.properties.headers?.['x-death'] as Array<{ count: number }> | undefined)?.[0]?.count ?? 0;
      if (deaths >= MAX_DELIVERIES) {
        logger.error({ err, orderId: request.orderId }, 'invoice failed permanently');
        this.channel.nack(msg, false, false);
      } else {
        this.channel.nack(msg, false, true);
      }
    }
  }

  private async countPageview(msg: ConsumeMessage) {
    try {
      await this.orders.recordPageview(JSON.parse(msg.content.toString()));
    } catch (err) { // expect: swallowed-message-error
      logger.warn({ err }, 'pageview dropped');
    } finally {
      this.channel.ack(msg);
    }
  }
}
