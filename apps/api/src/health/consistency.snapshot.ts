import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConsistencyService, type ConsistencyReport } from '@duban/services';

/** How old the consistency summary on /health may get before a new check starts. */
const REFRESH_AFTER_MS = 60_000;

/**
 * The quick consistency check, for /health, without making /health slow: the
 * answer carries the latest finished check, and a new one starts in the background
 * when that is older than a minute.
 */
@Injectable()
export class ConsistencySnapshot implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Consistency');
  private report: ConsistencyReport | null = null;
  private refreshing: Promise<void> | null = null;
  private startedAt = 0;
  private closing = false;

  constructor(private readonly consistency: ConsistencyService) {}

  latest() {
    if (!this.closing && !this.refreshing && Date.now() - this.startedAt > REFRESH_AFTER_MS) this.refresh();
    const report = this.report;
    if (!report) return { status: 'pending' };
    return {
      status: report.ok ? 'ok' : 'problems',
      checkedAt: report.checkedAt,
      openAssignments: report.openAssignments,
      sequenceProblems: report.sequenceProblems.count,
      assignmentsWithoutWorkflow: report.workflowProblems.count,
      hint: report.ok ? undefined : '运行 duban doctor 查看详情，duban repair 重建缺失的流程',
    };
  }

  /** A check still running when the API stops would query a closed pool (and log after its owner is gone): let it finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.refreshing;
  }

  private refresh(): void {
    this.startedAt = Date.now();
    this.refreshing = this.consistency
      .check({ deep: false })
      .then((report) => {
        if (!report.ok) this.logger.warn(`consistency: ${report.sequenceProblems.count} sequence problems, ${report.workflowProblems.count} open assignments without a running workflow`);
        this.report = report;
      })
      .catch((error: unknown) => this.logger.warn(`consistency check failed: ${String(error)}`))
      .finally(() => {
        this.refreshing = null;
      });
  }
}
