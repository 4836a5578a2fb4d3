import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DigestService } from './digest.service';

@Processor('digests')
export class DigestProcessor extends WorkerHost {
  private readonly logger = new Logger(DigestProcessor.name);

  constructor(
    private readonly digests: DigestService,
    @InjectQueue('emails') private readonly emails: Queue,
  ) {
    super();
  }

  async process(job: Job<{ userId: string; week: string }>) {
    const digest = await this.digests.build(job.data.userId, job.data.week);
    if (!digest.items.length) return 'empty';
    this.emails.add('send-digest', { userId: job.data.userId, html: digest.html }, { attempts: 3 }); // expect: unawaited-publish
    await this.digests.markSent(job.data.userId, job.data.week).catch((err) => this.logger.warn(`markSent failed: ${err}`));
    return 'queued';
  }
}
