import type { Channel, ConsumeMessage } from 'amqplib';
import type { DocumentVerifier } from '../vendors/documentVerifier';
import type { ScreeningClient } from '../vendors/screening';
import type { CaseStore } from '../cases/caseStore';
import { logger } from '../logger';

const PARKING_EXCHANGE = 'kyc.parking';

export class DocumentChecksConsumer {
  constructor(
    private readonly channel: Channel,
    private readonly verifier: DocumentVerifier,
    private readonly screening: ScreeningClient,
    private readonly cases: CaseStore,
  ) {}

  async bind(): Promise<void> {
    await this.channel.prefetch(10);
    await this.channel.consume('kyc.document.uploaded', (m) => this.onDocumentUploaded(m));
    await this.channel.consume('kyc.sanctions.screen', (m) => this.onSanctionsScreen(m));
    await this.channel.consume('kyc.address.check', (m) => this.onAddressCheck(m));
    await this.channel.consume('kyc.pep.check', (m) => this.onPepCheck(m));
    await this.channel.consume('kyc.case.closed', (m) => this.onCaseClosed(m));
  }

  async onDocumentUploaded(msg: ConsumeMessage | null) {
    if (!msg) return;
    try {
      const { caseId, documentKey } = JSON.parse(msg.content.toString());
      const result = await this.verifier.verify(documentKey);
      await this.cases.recordDocumentResult(caseId, result);
      this.channel.ack(msg);
    } catch (err) {
      logger.warn({ err }, 'document verification failed; will retry');
      this.channel.nack(msg, false, true); // expect: poison-message-requeue
    }
  }

  onSanctionsScreen(msg: ConsumeMessage | null) {
    if (!msg) return;
    const subject = JSON.parse(msg.content.toString());
    return this.screening
      .screen(subject.fullName, subject.dateOfBirth)
      .then((hits) => this.cases.recordScreening(subject.caseId, hits))
      .then(() => this.channel.ack(msg))
      .catch((err) => {
        logger.error({ err, caseId: subject.caseId }, 'sanctions screening failed');
        this.channel.reject(msg, true); // expect: poison-message-requeue
      });
  }

  async onAddressCheck(msg: ConsumeMessage | null) {
    if (!msg) return;
    const check = JSON.parse(msg.content.toString());
    try {
      const verdict = await this.verifier.verifyAddress(check.caseId, check.address);
      await this.cases.recordAddressVerdict(check.caseId, verdict);
      this.channel.ack(msg);
    } catch (err) {
      const deaths = (msg.properties.headers?.['x-death'] as Array<{ count: number }> | undefined) ?? [];
      const attempts = deaths.reduce((n, d) => n + d.count, 0);
      if (attempts < 3) {
        this.channel.reject(msg, true);
        return;
      }
      logger.error({ err, caseId: check.caseId, attempts }, 'address check exhausted retries');
      this.channel.publish(PARKING_EXCHANGE, 'kyc.address.check', msg.content, { headers: msg.properties.headers });
      this.channel.ack(msg);
    }
  }

  async onPepCheck(msg: ConsumeMessage | null) {
    if (!msg) return;
    try {
      const { caseId, fullName, country } = JSON.parse(msg.content.toString());
      await this.cases.recordPep(caseId, await this.screening.pep(fullName, country));
      this.channel.ack(msg);
    } catch (err) {
      logger.error({ err }, 'PEP check failed, dead-lettering');
      this.channel.nack(msg, false, false);
    }
  }

  async onCaseClosed(msg: ConsumeMessage | null) {
    if (!msg) return;
    this.channel.ack(msg); // expect: ack-before-processing
    const { caseId, outcome } = JSON.parse(msg.content.toString());
    await this.cases.archive(caseId, outcome);
    await this.verifier.purgeDocuments(caseId);
  }
}
