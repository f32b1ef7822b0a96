import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { shanghaiDateOf } from '@duban/calendar';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import type { Actor } from '@duban/domain';
import { organisationId, jurisdictionKey, SEED_CITIES, SEED_PLAN_JURISDICTIONS } from '@duban/persistence';
import { PlanService } from './plan.service';
import { PlanUnitsService } from './organisation/plan-units.service';
import { ServiceError } from './service-errors';

/** The local seed step acts as the system administrator. */
const SEED_ACTOR: Actor = { role: 'admin', unitIds: [], id: 'seed' };

/**
 * The local demo: the plans in seeds/plans imported through the ordinary use
 * case (idempotent by content hash) and published, and one demo user per role.
 * Never run in production (demo users refuse NODE_ENV=production).
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly plans: PlanService,
    private readonly planUnits: PlanUnitsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  async seedLocalDemo(options: { publish: boolean }): Promise<{ imported: number; existing: number; published: number }> {
    const users = await seedDemoUsers(this.dataSource);
    if (users.created.length) this.logger.log(`demo users created: ${users.created.join(', ')}`);
    const result = await this.importSeedPlans();
    let published = 0;
    if (options.publish) {
      // Tasks without a date in a plan without a period fall due at the end of this year.
      const defaultDueDate = `${shanghaiDateOf(Date.now()).slice(0, 4)}-12-31`;
      for (const plan of await this.plans.list()) {
        if (plan.status !== 'draft' || !plan.documentName.match(/^\d{3}_/)) continue;
        try {
          await this.plans.publish(plan.id, SEED_ACTOR, { confirmProposals: true, acceptPlanEndDefault: true, settings: { defaultDueDate }, wait: false });
        } catch (error) {
          // A seed plan the directory cannot place stays a draft for a coordinator to map (as any real plan would).
          if (error instanceof ServiceError && error.details?.reason === 'publish_blocked') {
            this.logger.warn(`seed plan left as a draft: ${plan.title}: ${error.message}`);
            continue;
          }
          throw error;
        }
        published += 1;
        this.logger.log(`publishing seed plan: ${plan.title}`);
      }
    }
    return { ...result, published };
  }

  async importSeedPlans(): Promise<{ imported: number; existing: number }> {
    const folder = join(this.config.seedsDir, 'plans');
    const files = (await readdir(folder)).filter((name) => /\.(txt|md|docx)$/i.test(name)).sort();
    let imported = 0;
    let existing = 0;
    for (const file of files) {
      const result = await this.plans.importDocument(await readFile(join(folder, file)), file);
      const city = SEED_PLAN_JURISDICTIONS[file];
      const seedCity = SEED_CITIES.find((candidate) => candidate.name === city);
      // A seed plan that names no city: the seed step confirms the jurisdiction a coordinator would.
      if (seedCity && (await this.plans.get(result.planId)).jurisdiction === null) {
        await this.planUnits.setJurisdiction(result.planId, SEED_ACTOR, organisationId(jurisdictionKey(seedCity.province, seedCity.name)));
      }
      if (result.created) imported += 1;
      else existing += 1;
      this.logger.log(`${result.created ? 'imported' : 'already present'}: ${file} → ${result.plan.title} (${result.plan.taskCount} tasks)`);
    }
    return { imported, existing };
  }
}
