import { Inject, Injectable, Logger } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { PlanService } from './plan.service';

/** Loads the demo plans in seeds/plans through the ordinary import use case (idempotent by content hash). */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly plans: PlanService,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  async importSeedPlans(): Promise<{ imported: number; existing: number }> {
    const folder = join(this.config.seedsDir, 'plans');
    const files = (await readdir(folder)).filter((name) => /\.(txt|md|docx)$/i.test(name)).sort();
    let imported = 0;
    let existing = 0;
    for (const file of files) {
      const result = await this.plans.importDocument(await readFile(join(folder, file)), file);
      if (result.created) imported += 1;
      else existing += 1;
      this.logger.log(`${result.created ? 'imported' : 'already present'}: ${file} → ${result.plan.title} (${result.plan.taskCount} tasks)`);
    }
    return { imported, existing };
  }
}
