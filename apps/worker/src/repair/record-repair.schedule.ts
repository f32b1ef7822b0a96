import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AssignmentRepairActivities } from '@duban/activities';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';

/**
 * Runs the record repair (open assignments whose workflow Temporal lost are started
 * again from PostgreSQL) once when the worker starts and every REPAIR_EVERY_MS.
 * Several workers may run it at once: it is idempotent.
 */
@Injectable()
export class RecordRepairSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecordRepair');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly repair: AssignmentRepairActivities,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.repairEveryMs === 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.repairEveryMs);
    this.timer.unref();
    void this.runOnce();
  }

  /** One pass; a pass still running is not started twice. Failures are logged and retried next time. */
  runOnce(): Promise<void> {
    this.running ??= this.repair
      .repairAssignmentWorkflows({})
      .then((report) => {
        this.logger.log(`record repair: ${report.checked} open assignments checked, ${report.recreated.length} re-created, ${report.restarted.length} restarted, ${report.rollouts.length} rollouts resumed, ${report.inconsistent.length} inconsistent`);
      })
      .catch((error: unknown) => this.logger.warn(`record repair failed; retrying in ${this.config.repairEveryMs} ms: ${String(error)}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
