import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOB_RUN_EXPORT, QUEUE_EXPORTS, type RunExportJob } from '@duban/queues';
import { ExportJobService } from '@duban/services';

/** Large exports (台账 .xlsx) one at a time per worker: each streams its rows, so memory stays flat. */
@Processor(QUEUE_EXPORTS, { concurrency: 1 })
export class ExportProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(private readonly exports: ExportJobService) {
    super();
  }

  async process(job: Job<RunExportJob>): Promise<unknown> {
    if (job.name !== JOB_RUN_EXPORT) throw new Error(`unknown job ${job.name} on ${QUEUE_EXPORTS}`);
    const done = await this.exports.run(job.data.exportId);
    return { exportId: done.id, rows: done.rows };
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<RunExportJob> | undefined, error: Error): void {
    if (job) this.logger.warn(`export ${job.data.exportId} failed (attempt ${job.attemptsMade}): ${error.message}`);
  }
}
