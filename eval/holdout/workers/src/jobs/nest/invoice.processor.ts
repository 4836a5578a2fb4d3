import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { InvoicesService } from '../../invoices/invoices.service';
import { PdfService } from '../../pdf/pdf.service';

type InvoiceJob = { invoiceId: string; customerEmail: string; resend?: boolean };

@Processor('invoices')
export class InvoiceProcessor extends WorkerHost {
  private readonly logger = new Logger(InvoiceProcessor.name);

  constructor(
    private readonly invoices: InvoicesService,
    private readonly pdf: PdfService,
    @InjectQueue('invoice-emails') private readonly emails: Queue,
  ) {
    super();
  }

  async process(job: Job<InvoiceJob>) {
    try {
      const invoice = await this.invoices.load(job.data.invoiceId);
      const pdfUrl = await this.pdf.render(invoice);
      await this.invoices.markSent(invoice.id, pdfUrl);
      this.emails.add('send', { to: job.data.customerEmail, pdfUrl, invoiceId: invoice.id }); // expect: unawaited-publish
      await this.trackAnalytics(invoice.id);
      return { invoiceId: invoice.id, pdfUrl };
    } catch (err) { // expect: swallowed-message-error
      this.logger.warn(`invoice ${job.data.invoiceId} failed: ${(err as Error).message}`);
    }
  }

  private async trackAnalytics(invoiceId: string) {
    try {
      await this.invoices.trackAnalytics(invoiceId);
    } catch (err) {
      this.logger.debug(`analytics skipped: ${(err as Error).message}`);
    }
  }
}

@Processor('credit-notes')
export class CreditNoteProcessor extends WorkerHost {
  private readonly logger = new Logger(CreditNoteProcessor.name);

  constructor(
    private readonly invoices: InvoicesService,
    @InjectQueue('credit-notes-dead-letter') private readonly deadLetter: Queue,
  ) {
    super();
  }

  async process(job: Job<{ creditNoteId: string }>) {
    try {
      await this.invoices.issueCreditNote(job.data.creditNoteId);
    } catch (err) {
      this.logger.error(`credit note ${job.data.creditNoteId} failed`);
      await this.deadLetter.add('failed', { ...job.data, error: (err as Error).message });
    }
  }
}
