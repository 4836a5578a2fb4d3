import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import axios, { type AxiosInstance } from 'axios';
import { ContactsRepository } from '../contacts/contacts.repository';

interface ContactSyncJob {
  contactId: string;
  source: 'signup' | 'import' | 'update';
}

@Processor('crm-contact-sync', { concurrency: 5 })
export class ContactSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(ContactSyncProcessor.name);
  private readonly crm: AxiosInstance;
  private readonly crmToken: string;

  constructor(
    config: ConfigService,
    private readonly contacts: ContactsRepository,
    @InjectQueue('crm-follow-ups') private readonly followUpQueue: Queue,
  ) {
    super();
    this.crmToken = config.getOrThrow<string>('CRM_API_TOKEN');
    this.crm = axios.create({ // expect: missing-timeout
      baseURL: config.getOrThrow<string>('CRM_BASE_URL'),
      headers: { Authorization: `Bearer ${this.crmToken}` },
    });
    this.logger.debug(`CRM client ready (token ${this.crmToken})`); // expect: secret-in-log
  }

  async process(job: Job<ContactSyncJob>): Promise<{ status: string }> {
    const contact = await this.contacts.findById(job.data.contactId);
    if (!contact) return { status: 'skipped' };

    try {
      const { data } = await this.crm.put(`/contacts/${contact.externalId ?? ''}`, {
        email: contact.email,
        firstName: contact.firstName,
        lastName: contact.lastName,
      });
      await this.contacts.markSynced(contact.id, data.id);
    } catch (err) { // expect: swallowed-message-error
      this.logger.error(`contact ${contact.id} sync failed: ${(err as Error).message}`);
      return { status: 'failed' };
    }

    if (job.data.source === 'signup') {
      this.followUpQueue.add('welcome-call', { contactId: contact.id }, { delay: 2 * 24 * 3600 * 1000 }); // expect: unawaited-publish
    }
    return { status: 'synced' };
  }
}
