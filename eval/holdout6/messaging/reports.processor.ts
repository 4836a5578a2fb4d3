import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ReportsService } from './reports.service';

type ReportJob = { reportId: string; format: 'csv' | 'pdf' };

@Processor('reports')
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly reports: ReportsService,
    @InjectQueue('reports-failed') private readonly failed: Queue<ReportJob>,
  ) {
    super();
  }

  async process(job: Job<ReportJob>) {
    if (job.name === 'render') {
      try {
        return await this.reports.render(job.data.reportId, job.data.format);
      } catch (err) {
        this.logger.error(`report ${job.data.reportId} failed: ${(err as Error).message}`);
        await this.failed.add('render', job.data);
        return null;
      }
    }
    try {
      await this.reports.deliver(job.data.reportId);
    } catch (err) { // expect: swallowed-message-error
      this.logger.error(`report ${job.data.reportId} delivery failed`, (err as Error).stack);
    }
  }
}
