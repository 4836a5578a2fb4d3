import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DigestService } from './digest.service';

@Processor('digests')
export class DigestProcessor extends WorkerHost {
  private readonly logger = new Logger(DigestProcessor.name);

  constructor(
    private readonly digests: DigestService,
    @InjectQueue('digests-failed') private readonly failedQueue: Queue,
  ) {
    super();
  }

  async process(job: Job<{ userId: string; period: 'daily' | 'weekly' }>): Promise<void> {
    try {
      await this.digests.sendDigest(job.data.userId, job.data.period);
    } catch (err) {
      this.logger.warn(`digest for ${job.data.userId} failed: ${(err as Error).message}`);
      await this.failedQueue.add('failed-digest', { ...job.data, error: (err as Error).message });
    }
  }
}
