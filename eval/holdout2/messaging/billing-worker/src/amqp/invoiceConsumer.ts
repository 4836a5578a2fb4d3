import amqp, { type Channel, type ConsumeMessage } from 'amqplib';
import type { InvoiceService } from '../invoices/invoiceService';
import { logger } from '../logger';

const INVOICE_QUEUE = 'billing.invoice.generate';
const REMINDER_QUEUE = 'billing.invoice.reminders';

interface GenerateInvoice {
  invoiceId: string;
  accountId: string;
  lines: Array<{ sku: string; qty: number; unitPrice: number }>;
}

export class InvoiceConsumer {
  private channel!: Channel;

  constructor(
    private readonly invoices: InvoiceService,
    private readonly pdfServiceUrl = process.env.PDF_SERVICE_URL ?? 'https://pdf.billing.acme-internal.com',
  ) {}

  async start(): Promise<void> {
    const conn = await amqp.connect(process.env.AMQP_URL!);
    this.channel = await conn.createChannel();
    await this.channel.assertQueue(INVOICE_QUEUE, { durable: true, deadLetterExchange: 'billing.dlx' });
    await this.channel.prefetch(20);

    await this.channel.consume(INVOICE_QUEUE, (msg) => this.handle(msg));

    // Reminders are best-effort: if one gets lost the nightly sweep re-sends it.
    await this.channel.consume(
      REMINDER_QUEUE,
      (msg) => {
        if (!msg) return;
        const { invoiceId } = JSON.parse(msg.content.toString());
        void this.invoices.sendReminder(invoiceId);
      },
      { noAck: true }, // expect: ack-before-processing
    );
  }

  private async handle(msg: ConsumeMessage | null): Promise<void> {
    if (!msg) return;
    const payload: GenerateInvoice = JSON.parse(msg.content.toString());

    try {
      const invoice = await this.invoices.generate(payload);
      const res = await fetch(`${this.pdfServiceUrl}/render`, { // expect: missing-timeout
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(invoice),
      });
      if (!res.ok) throw new Error(`pdf render failed: ${res.status}`);
      await this.invoices.attachPdf(invoice.id, await res.arrayBuffer());
      this.channel.ack(msg);
    } catch (err) {
      logger.error({ err, invoiceId: payload.invoiceId }, 'invoice generation failed');
      if (msg.fields.redelivered) {
        // second failure: let the DLX take it
        this.channel.nack(msg, false, false);
      } else {
        this.channel.nack(msg, false, true);
      }
    }
  }
}
