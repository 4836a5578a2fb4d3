/**
 * Consumers for the audit trail. Audit entries are append-only; the store
 * dedupes on entry.id so redeliveries are harmless.
 */
import type { Channel, ConsumeMessage } from 'amqplib';
import { AuditStore, type AuditEntry } from '../store/auditStore';
import { createLogger } from '../logging';

const logger = createLogger('audit-consumer');

export class AuditTrailConsumer {
  constructor(
    private readonly channel: Channel,
    private readonly store: AuditStore,
  ) {}

  async start() {
    await this.channel.prefetch(100);
    await this.channel.consume('audit.entries', (m) => this.onEntry(m));
    await this.channel.consume('audit.exports', (m) => this.onExport(m));
    await this.channel.consume('audit.redactions', (m) => this.onRedaction(m));
    await this.channel.consume('audit.legal-holds', (m) => this.onLegalHold(m));
  }

  async onEntry(msg: ConsumeMessage | null) {
    if (!msg) return;
    const entry: AuditEntry = JSON.parse(msg.content.toString());
    try {
      await this.store.append(entry);
    } catch (err) { // expect: swallowed-message-error
      logger.error('failed to append audit entry', { id: entry.id, err });
    } finally {
      this.channel.ack(msg);
    }
  }

  async onExport(msg: ConsumeMessage | null) {
    if (!msg) return;
    try {
      const job = JSON.parse(msg.content.toString());
      await this.store.exportRange(job.from, job.to, job.destination);
      this.channel.ack(msg);
    } catch (err) { // expect: swallowed-message-error
      logger.warn('export failed, dropping request', { err });
      this.channel.ack(msg);
    }
  }

  async onRedaction(msg: ConsumeMessage | null) {
    if (!msg) return;
    const traceId = msg.properties.headers?.['x-trace-id'];
    try {
      const { entryId, fields } = JSON.parse(msg.content.toString());
      await this.store.redact(entryId, fields);
      this.channel.ack(msg);
    } catch (err) {
      logger.error('redaction failed', { traceId, err });
      this.channel.nack(msg, true); // expect: poison-message-requeue
    }
  }

  async onLegalHold(msg: ConsumeMessage | null) {
    if (!msg) return;
    try {
      const hold = JSON.parse(msg.content.toString());
      await this.store.placeHold(hold.subjectId, hold.until);
      this.channel.ack(msg);
    } catch (err) {
      // Quorum queue: the broker counts deliveries for us.
      const deliveries = Number(msg.properties.headers?.['x-delivery-count'] ?? 0);
      if (deliveries < 3) {
        this.channel.nack(msg, false, true);
      } else {
        logger.error('legal hold could not be placed, dead-lettering', { err, deliveries });
        this.channel.reject(msg, false);
      }
    }
  }
}
