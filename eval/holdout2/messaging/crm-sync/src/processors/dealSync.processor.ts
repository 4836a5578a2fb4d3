import { Processor, WorkerHost, InjectQueue, OnWorkerEvent } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { DealsService } from '../deals/deals.service';
import { SlackNotifier } from '../slack/slack.notifier';
import { CrmValidationError } from '../crm/errors';

interface DealSyncJob {
  dealId: string;
  stage: string;
}

@Processor('crm-deal-sync')
export class DealSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(DealSyncProcessor.name);

  constructor(
    private readonly deals: DealsService,
    private readonly slack: SlackNotifier,
    @InjectQueue('crm-deal-sync-failed') private readonly failedQueue: Queue,
    @InjectQueue('crm-audit') private readonly auditQueue: Queue,
  ) {
    super();
  }

  async process(job: Job<DealSyncJob>) {
    switch (job.name) {
      case 'sync':
        return this.sync(job);
      case 'close':
        return this.close(job);
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  private async sync(job: Job<DealSyncJob>) {
    try {
      await this.deals.pushToCrm(job.data.dealId, job.data.stage);
    } catch (err) {
      if (err instanceof CrmValidationError) {
        // No point retrying a payload the CRM rejects; park it for a human.
        await this.failedQueue.add('needs-review', { ...job.data, reason: err.message });
        return { parked: true };
      }
      throw err;
    }

    // Sales channel ping; optional.
    try {
      await this.slack.notify(`Deal ${job.data.dealId} moved to ${job.data.stage}`);
    } catch (err) {
      this.logger.warn(`slack notify failed: ${(err as Error).message}`);
    }

    void this.auditQueue
      .add('deal-stage', { dealId: job.data.dealId, stage: job.data.stage, at: Date.now() })
      .catch((err) => this.logger.warn(`audit enqueue failed: ${err.message}`));
    return { parked: false };
  }

  private async close(job: Job<DealSyncJob>) {
    try {
      await this.deals.close(job.data.dealId);
    } catch (err) {
      this.logger.error(`close failed for ${job.data.dealId}`);
      throw new UnrecoverableError(`deal ${job.data.dealId} cannot be closed: ${(err as Error).message}`);
    }
    const auditJob = this.auditQueue.add('deal-closed', { dealId: job.data.dealId });
    return { auditJobId: (await auditJob).id };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job) {
    this.logger.error(`job ${job.id} failed after ${job.attemptsMade} attempts`);
  }
}
