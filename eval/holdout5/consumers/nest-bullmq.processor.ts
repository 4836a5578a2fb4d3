import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ExportService } from '../services/export.service';

class ExportFailedError extends Error {
  constructor(readonly jobId: string | undefined, cause: unknown) {
    super(`export job ${jobId} failed`, { cause });
  }
}

@Processor('exports')
export class ExportProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(private readonly exportsService: ExportService) {
    super();
  }

  async process(job: Job<{ accountId: string; format: 'csv' | 'xlsx' }>): Promise<string> {
    try {
      return await this.exportsService.run(job.data.accountId, job.data.format);
    } catch (err) {
      this.logger.error(`export ${job.id} failed`, err as Error);
      throw new ExportFailedError(job.id, err);
    }
  }
}
