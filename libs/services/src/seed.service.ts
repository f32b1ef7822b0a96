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
import { SEED_DECISIONS, type SeedDecision } from './seed-decisions';
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
        await this.applyCoordinatorDecisions(plan.id, plan.title, plan.documentName);
        try {
          await this.plans.publish(plan.id, SEED_ACTOR, { confirmProposals: true, acceptPlanEndDefault: true, settings: { defaultDueDate }, wait: false });
        } catch (error) {
          // A seed plan the directory cannot place stays a draft for a coordinator to map (as any real plan would).
          if (error instanceof ServiceError && error.details?.reason === 'publish_blocked') {
            this.logger.warn(`种子方案《${plan.title}》保留为草稿（发布检查未通过，待协调人处理）：${error.message}`);
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
    const rows: { id: string; key: string; task_title: string | null; unit_id: string | null; unit_name: string; due_date: string }[] = await this.dataSource.query(
      `SELECT id, key, task_title, unit_id::text AS unit_id, unit_name, due_date::text AS due_date FROM assignments WHERE plan_id = ANY($1) AND status = 'pending_acceptance' ORDER BY key`,
      [planIds],
    );
    let actions = 0;
    let refused = 0;
    let next = 0;
    const playOne = async (row: (typeof rows)[number]) => {
      const steps = demoSteps({ key: row.key, taskTitle: row.task_title ?? '该项任务', dueDate: row.due_date }, today);
      for (const step of steps) {
        try {
          await this.assignments.act(row.id, step.command, actors(step.as, { unitId: row.unit_id, unitName: row.unit_name }));
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

  /**
   * A coordinator's recorded decisions on a seed draft (seed-decisions.ts), taken through the draft editor as in
   * the console (PlanService.editTask), each logged in Chinese. Only what the decision names changes; a decision
   * with nothing to act on (already taken, or the parser no longer proposes the name) is logged and skipped.
   */
  async applyCoordinatorDecisions(planId: string, title: string, documentName: string): Promise<void> {
    const decisions: readonly SeedDecision[] = SEED_DECISIONS[documentName] ?? [];
    for (const decision of decisions) {
      const { rollout, resolutions } = await this.planUnits.view(planId);
      if (decision.kind === 'remove_unit') {
        const removed = resolutions.filter((resolution) => resolution.printedName === decision.unit);
        const shown = new Set([decision.unit, ...removed.map((resolution) => resolution.unitName ?? resolution.printedName)]);
        const tasks = [...new Set(removed.flatMap((resolution) => resolution.taskNumbers))].filter((number) => number > 0);
        if (tasks.length === 0) this.logger.log(`《${title}》：无需移除“${decision.unit}”（草稿中已没有该单位）`);
        for (const taskNumber of tasks) {
          const drafts = rollout.drafts.filter((draft) => draft.taskNumber === taskNumber);
          const units = [...new Set(drafts.map((draft) => draft.expandedFrom ?? draft.unitName))].filter((name) => !shown.has(name));
          const lead = [...new Set(drafts.filter((draft) => draft.responsibility === 'lead').map((draft) => draft.expandedFrom ?? draft.unitName))].filter((name) => units.includes(name));
          await this.plans.editTask(planId, taskNumber, { units, lead });
          this.logger.log(`《${title}》协调人决定：任务${taskNumber}移除“${decision.unit}”，责任单位确定为${units.join('、') || '（无）'}。理由：${decision.reason}`);
        }
      } else if (decision.kind === 'replace_unit') {
        const printed = resolutions.filter((resolution) => resolution.printedName === decision.unit);
        const shown = new Set([decision.unit, ...printed.map((resolution) => resolution.unitName ?? resolution.printedName)]);
        const tasks = [...new Set(printed.flatMap((resolution) => resolution.taskNumbers))].filter((number) => number > 0);
        if (tasks.length === 0) this.logger.log(`《${title}》：无需替换“${decision.unit}”（草稿中已没有该名称）`);
        for (const taskNumber of tasks) {
          const drafts = rollout.drafts.filter((draft) => draft.taskNumber === taskNumber);
          const kept = [...new Set(drafts.map((draft) => draft.expandedFrom ?? draft.unitName))].filter((name) => !shown.has(name));
          const wasLead = drafts.some((draft) => draft.responsibility === 'lead' && shown.has(draft.expandedFrom ?? draft.unitName));
          const keptLead = [...new Set(drafts.filter((draft) => draft.responsibility === 'lead').map((draft) => draft.expandedFrom ?? draft.unitName))].filter((name) => kept.includes(name));
          const units = [...decision.by, ...kept.filter((name) => !decision.by.includes(name))];
          await this.plans.editTask(planId, taskNumber, { units, lead: wasLead ? [...decision.by] : keptLead });
          this.logger.log(`《${title}》协调人决定：任务${taskNumber}的“${decision.unit}”由${decision.by.join('、')}承担，责任单位确定为${units.join('、')}。理由：${decision.reason}`);
        }
      } else {
        const tasks = rollout.warnings.flatMap((warning) => (warning.code === 'no_units' ? [warning.taskNumber] : []));
        for (const taskNumber of tasks) {
          await this.plans.editTask(planId, taskNumber, { units: [decision.unit], lead: [decision.unit] });
          this.logger.log(`《${title}》协调人决定：任务${taskNumber}原文未写明责任单位，由“${decision.unit}”牵头。理由：${decision.reason}`);
        }
      }
    }
  }

  /**
   * The demo users act where one exists (their names show on the timeline); other units' staff act unnamed.
   * Staff are recognised by the holder's directory unit id (南京's 市卫健委 user never acts on 郴州's tasks).
   */
  private async demoActors(): Promise<(role: DemoRole, holder: { unitId: string | null; unitName: string }) => Actor> {
    const users: { id: string; role: string; unit_ids: string[] }[] = await this.dataSource.query(
      `SELECT id, role, unit_ids FROM users WHERE username IN ('coordinator', 'supervisor', 'weijian', 'fagai')`,
    );
    const byRole = (role: string) => users.find((user) => user.role === role)?.id;
    return (role, holder) => {
      if (role === 'coordinator') return { role: 'coordinator', unitIds: [], id: byRole('coordinator') ?? 'seed' };
      if (role === 'supervisor') return { role: 'supervisor', unitIds: [], id: byRole('supervisor') ?? 'seed' };
      const unit = holder.unitId ?? holder.unitName;
      const staff = users.find((user) => user.role === 'unit_staff' && user.unit_ids.includes(unit));
      return { role: 'unit_staff', unitIds: [unit], ...(staff ? { id: staff.id } : {}) };
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
