import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PaymentsService } from './payments.service';
import { NotificationsClient } from '../notifications/notifications.client';

interface RefundJob {
  orderId: string;
  reason: string;
}

@Processor('refunds', { concurrency: 4 })
export class RefundProcessor extends WorkerHost {
  private readonly logger = new Logger(RefundProcessor.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly notifications: NotificationsClient,
  ) {
    super();
  }

  async process(job: Job<RefundJob>): Promise<{ refundId?: string }> {
    const { orderId, reason } = job.data;
    let refundId: string | undefined;
    try {
      const refund = await this.payments.refund(orderId);
      refundId = refund.id;
    } catch (err) { // expect: swallowed-message-error
      this.logger.error(`refund failed for ${orderId} (${reason}): ${(err as Error).message}`);
      return {};
    }
    try {
      await this.notifications.refundIssued(orderId, refundId);
    } catch (err) {
      this.logger.warn(`refund email for ${orderId} not sent: ${(err as Error).message}`);
    }
    return { refundId };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<RefundJob>, error: Error): void {
    this.logger.error(`job ${job.id} failed after ${job.attemptsMade} attempts: ${error.message}`);
  }
}
