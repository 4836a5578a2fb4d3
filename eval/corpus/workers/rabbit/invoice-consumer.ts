import type { Channel, ConsumeMessage } from 'amqplib';
import { Logger } from '../logger';
import { InvoiceService } from '../services/invoices';
import { TaxService } from '../services/tax';

const MAX_REDELIVERIES = 3;

export class InvoiceConsumer {
  private readonly logger = new Logger('InvoiceConsumer');

  constructor(
    private readonly channel: Channel,
    private readonly invoices: InvoiceService,
    private readonly tax: TaxService,
  ) {}

  async start(): Promise<void> {
    await this.channel.assertQueue('invoices.generate', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await this.channel.assertQueue('invoices.tax', { durable: true });
    await this.channel.assertQueue('invoices.void', { durable: true });
    await this.channel.assertQueue('invoices.sync', { durable: true });
    await this.channel.consume('invoices.generate', (msg) => msg && this.generate(msg));
    await this.channel.consume('invoices.tax', (msg) => this.calculateTax(msg!));
    await this.channel.consume('invoices.void', (msg) => msg && this.voidInvoice(msg));
    await this.channel.consume('invoices.sync', (msg) => this.sync(msg!));
  }

  private async generate(msg: ConsumeMessage): Promise<void> {
    try {
      const { orderId } = JSON.parse(msg.content.toString());
      await this.invoices.generateForOrder(orderId);
      this.channel.ack(msg);
    } catch (err) {
      this.logger.error(`invoice generation failed: ${(err as Error).message}`);
      this.channel.nack(msg, false, true); // expect: poison-message-requeue
    }
  }

  private async calculateTax(msg: ConsumeMessage): Promise<void> {
    this.channel.ack(msg); // expect: ack-before-processing
    const invoice = JSON.parse(msg.content.toString());
    await this.tax.recalculate(invoice.id, invoice.lines);
  }

  private voidInvoice(msg: ConsumeMessage): void {
    const { invoiceId } = JSON.parse(msg.content.toString());
    this.invoices
      .void(invoiceId)
      .then(() => this.channel.ack(msg))
      .catch((err: Error) => {
        this.logger.warn(`void ${invoiceId} failed: ${err.message}`);
        this.channel.reject(msg, true); // expect: poison-message-requeue
      });
  }

  private async sync(msg: ConsumeMessage): Promise<void> {
    const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0);
    try {
      await this.invoices.syncToErp(JSON.parse(msg.content.toString()));
      this.channel.ack(msg);
    } catch (err) {
      if (deliveries >= MAX_REDELIVERIES) {
        this.logger.error(`giving up on invoice sync after ${deliveries} deliveries`);
        this.channel.nack(msg, false, false);
        return;
      }
      this.channel.nack(msg, false, true);
    }
  }
}
