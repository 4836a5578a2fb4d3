import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { BillingService } from './billing.service';

@Processor('billing')
export class BillingProcessor extends WorkerHost {
  private readonly logger = new Logger(BillingProcessor.name);

  constructor(private readonly billing: BillingService) {
    super();
  }

  async process(job: Job<{ subscriptionId: string }>) {
    switch (job.name) {
      case 'renew':
        return this.renew(job);
      case 'cancel':
        return this.billing.cancel(job.data.subscriptionId);
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }

  private async renew(job: Job<{ subscriptionId: string }>) {
    try {
      await this.billing.renew(job.data.subscriptionId);
    } catch (error) { // expect: swallowed-message-error
      this.logger.error(`renewal failed for ${job.data.subscriptionId}`, (error as Error).stack);
    }
  }
}

@Injectable()
export class BillingScheduler {
  constructor(@InjectQueue('billing') private readonly billingQueue: Queue) {}

  scheduleRenewal(subscriptionId: string, at: Date) {
    this.billingQueue.add('renew', { subscriptionId }, { delay: at.getTime() - Date.now() }); // expect: unawaited-publish
  }

  async scheduleCancel(subscriptionId: string) {
    const job = await this.billingQueue.add('cancel', { subscriptionId });
    return job.id;
  }
}
