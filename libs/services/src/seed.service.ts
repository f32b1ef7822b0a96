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
import { AssignmentService } from './assignment.service';
import { demoSteps, type DemoRole } from './demo-history';
import { PlanService } from './plan.service';
import { PlanUnitsService } from './organisation/plan-units.service';
import { ServiceError } from './service-errors';

/** The local seed step acts as the system administrator. */
const SEED_ACTOR: Actor = { role: 'admin', unitIds: [], id: 'seed' };
/** Assignments whose stories play at once (each story's steps one after another). */
const STORY_CONCURRENCY = 4;
/** How long the demo history waits for the seed plans' rollouts. */
const ROLLOUT_WAIT_MS = 15 * 60_000;

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
    private readonly assignments: AssignmentService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /**
   * `history`: once the plans it publishes now have rolled out, play a believable history over them
   * (see demo-history.ts). Only plans published by this call: a restart never plays it twice.
   */
  async seedLocalDemo(options: { publish: boolean; history?: boolean }): Promise<{ imported: number; existing: number; published: number; actions: number }> {
    const users = await seedDemoUsers(this.dataSource);
    if (users.created.length) this.logger.log(`demo users created: ${users.created.join(', ')}`);
    const result = await this.importSeedPlans();
    const publishedIds: string[] = [];
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
        publishedIds.push(plan.id);
        this.logger.log(`publishing seed plan: ${plan.title}`);
      }
    }
    const actions = options.history && publishedIds.length ? await this.playDemoHistory(publishedIds) : 0;
    return { ...result, published: publishedIds.length, actions };
  }

  /**
   * The demo's history: units accept and report at varying progress, close (verified) or ask for
   * extensions; the coordinator approves, returns and decides; supervisors urge; a few 约谈. Played through
   * the ordinary use case (each step a workflow Update, checked like any user's), so every list, light,
   * ladder and inbox follows as it would in use. Returns the number of actions taken.
   */
  async playDemoHistory(planIds: readonly string[]): Promise<number> {
    await this.waitForRollouts(planIds);
    const today = shanghaiDateOf(Date.now());
    const actors = await this.demoActors();
    const rows: { id: string; key: string; task_title: string | null; unit_name: string; due_date: string }[] = await this.dataSource.query(
      `SELECT id, key, task_title, unit_name, due_date::text AS due_date FROM assignments WHERE plan_id = ANY($1) AND status = 'pending_acceptance' ORDER BY key`,
      [planIds],
    );
    let actions = 0;
    let refused = 0;
    let next = 0;
    const playOne = async (row: (typeof rows)[number]) => {
      const steps = demoSteps({ key: row.key, taskTitle: row.task_title ?? '该项任务', dueDate: row.due_date }, today);
      for (const step of steps) {
        try {
          await this.assignments.act(row.id, step.command, actors(step.as, row.unit_name));
          actions += 1;
        } catch (error) {
          // A step the rules refuse (or a worker hiccup) ends this assignment's story; the demo goes on.
          refused += 1;
          this.logger.debug(`demo history: ${step.command.type} on ${row.key} refused: ${String(error)}`);
          return;
        }
      }
    };
    await Promise.all(
      Array.from({ length: STORY_CONCURRENCY }, async () => {
        while (next < rows.length) {
          const row = rows[next]!;
          next += 1;
          await playOne(row);
          if (next % 100 === 0) this.logger.log(`demo history: ${next}/${rows.length} assignments`);
        }
      }),
    );
    this.logger.log(`demo history: ${actions} actions over ${rows.length} assignments${refused ? ` (${refused} stories ended early)` : ''}`);
    await this.markHandledRequestsRead(planIds);
    return actions;
  }

  /**
   * A coordinator has read the requests they already decided: once the notifications have arrived,
   * their messages about assignments no longer awaiting them (closure decided, no extension pending)
   * are marked read, so the inbox's unread items are the open queue.
   */
  private async markHandledRequestsRead(planIds: readonly string[]): Promise<void> {
    const count = async () => Number((await this.dataSource.query(`SELECT count(*) AS n FROM inbox_messages WHERE recipient = 'role:coordinator'`))[0].n);
    let last = -1;
    for (let steady = 0, waited = 0; steady < 3 && waited < 60_000; waited += 2_000) {
      const now = await count();
      steady = now === last ? steady + 1 : 0;
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    await this.dataSource.query(
      `UPDATE inbox_messages m SET read_at = now()
         FROM assignments a
        WHERE m.recipient = 'role:coordinator' AND m.read_at IS NULL AND a.plan_id = ANY($1)
          AND m.payload->>'assignmentId' = a.id::text
          AND a.status <> 'closure_requested' AND coalesce(a.state->'extensionRequest', 'null'::jsonb) = 'null'::jsonb`,
      [planIds],
    );
  }

  private async waitForRollouts(planIds: readonly string[]): Promise<void> {
    const deadline = Date.now() + ROLLOUT_WAIT_MS;
    while (Date.now() < deadline) {
      const [{ pending }]: { pending: number }[] = await this.dataSource.query(
        `SELECT (SELECT count(*) FROM plans WHERE id = ANY($1) AND status <> 'published')
              + (SELECT count(*) FROM assignments WHERE plan_id = ANY($1) AND NOT workflow_started) AS pending`,
        [planIds],
      );
      if (Number(pending) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    this.logger.warn('demo history: the seed plans have not finished rolling out; playing over what has');
  }

  /** The demo users act where one exists (their names show on the timeline); other units' staff act unnamed. */
  private async demoActors(): Promise<(role: DemoRole, unitName: string) => Actor> {
    const users: { id: string; role: string; unit_ids: string[] }[] = await this.dataSource.query(
      `SELECT id, role, unit_ids FROM users WHERE username IN ('coordinator', 'supervisor', 'weijian', 'fagai')`,
    );
    const byRole = (role: string) => users.find((user) => user.role === role)?.id;
    return (role, unitName) => {
      if (role === 'coordinator') return { role: 'coordinator', unitIds: [], id: byRole('coordinator') ?? 'seed' };
      if (role === 'supervisor') return { role: 'supervisor', unitIds: [], id: byRole('supervisor') ?? 'seed' };
      const staff = users.find((user) => user.role === 'unit_staff' && user.unit_ids.includes(unitName));
      return { role: 'unit_staff', unitIds: [unitName], ...(staff ? { id: staff.id } : {}) };
    };
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
