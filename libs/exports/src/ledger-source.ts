import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '@duban/calendar';
import {
  ASSIGNMENT_STATUS_LABELS,
  classifyPace,
  ESCALATION_LEVEL_LABELS,
  LIGHT_LABELS,
  PACE_LABELS,
  RESPONSIBILITY_LABELS,
  type AssignmentStatus,
  type EscalationLevel,
  type LightColor,
  type PaceClass,
  type PaceThresholds,
} from '@duban/domain';
import { actualReportsSql, targetProgressOf } from '@duban/persistence';
import type { LedgerRow } from './ledger-row';

/** Rows read per round trip: an export of any size holds one batch at a time. */
export const LEDGER_BATCH_SIZE = 2000;

export interface LedgerFilter {
  /**
   * Only assignments whose id this SQL selects (its placeholders numbered from $1): the ledger list's own
   * filters, passed in by the services so the export and the list never disagree.
   */
  readonly within?: { readonly sql: string; readonly params: readonly unknown[] };
  readonly planId?: string;
  readonly unit?: string;
  readonly units?: readonly string[];
  readonly region?: string;
  readonly status?: string;
  readonly light?: string;
}

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string | null): string => (key ? (labels[key as K] ?? key) : '');

function progressText(percent: number | null, text: string | null): string {
  const parts = [percent !== null ? `${percent}%` : null, text].filter((part) => part);
  return parts.join('：');
}

interface AssignmentLedgerRecord {
  id: string;
  task_number: number | null;
  task_title: string | null;
  lead_units: string | null;
  unit_name: string;
  responsibility: string;
  region: string | null;
  status: string;
  start_date: string;
  due_date: string;
  percent: number | null;
  actual_value: number | null;
  report_text: string | null;
  light: string;
  escalation_level: string | null;
  targets: unknown;
  actual_reports: unknown;
}

/**
 * The 台账 of a filtered list of assignments, in plan / task / unit order, read in keyset batches (never the
 * whole list in memory). 序时进度 is judged as of `asOf` (default today, Shanghai) with the plan's thresholds.
 */
export async function* assignmentLedgerRows(
  dataSource: DataSource,
  filter: LedgerFilter,
  options: { asOf?: string; pace?: Partial<PaceThresholds>; batchSize?: number } = {},
): AsyncGenerator<LedgerRow> {
  const asOf = options.asOf ?? shanghaiDateOf(Date.now());
  const batchSize = options.batchSize ?? LEDGER_BATCH_SIZE;
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (filter.within !== undefined) {
    // First, so its own $1… placeholders are the first parameters.
    params.push(...filter.within.params);
    where.push(`a.id IN (${filter.within.sql})`);
  }
  if (filter.planId !== undefined) add((n) => `a.plan_id = $${n}`, filter.planId);
  if (filter.unit !== undefined) add((n) => `a.unit_name = $${n}`, filter.unit);
  if (filter.units !== undefined) add((n) => `a.unit_name = ANY($${n}::text[])`, [...filter.units]);
  if (filter.region !== undefined) add((n) => `a.region = $${n}`, filter.region);
  if (filter.status !== undefined) add((n) => `a.status = $${n}`, filter.status);
  if (filter.light !== undefined) add((n) => `a.light = $${n}`, filter.light);
  let after: [string, number, string] = ['00000000-0000-0000-0000-000000000000', -1, ''];
  for (;;) {
    const n = params.length;
    // The page is chosen on plain columns first; the lead units and last report are looked up for its rows only.
    const batch = (await dataSource.query(
      `WITH page AS (
         SELECT a.id, a.plan_id, COALESCE(a.task_number, -1) AS task_key, a.key, a.task_number, a.task_title, a.unit_name, a.responsibility, a.region,
                a.status, a.start_date::text AS start_date, a.due_date::text AS due_date, a.percent, a.actual_value, a.light, a.escalation_level,
                a.targets
           FROM assignments a
          WHERE ${[...where, `(a.plan_id, COALESCE(a.task_number, -1), a.key) > ($${n + 1}::uuid, $${n + 2}::int, $${n + 3})`].join(' AND ')}
          ORDER BY a.plan_id, COALESCE(a.task_number, -1), a.key
          LIMIT ${batchSize})
       SELECT page.*, r.text AS report_text,
              (SELECT string_agg(DISTINCT l.unit_name, '、') FROM assignments l
                WHERE l.plan_id = page.plan_id AND l.task_number = page.task_number AND l.responsibility = 'lead') AS lead_units,
              ${actualReportsSql('page')} AS actual_reports
         FROM page
         LEFT JOIN LATERAL (SELECT p.text FROM progress_reports p WHERE p.assignment_id = page.id ORDER BY p.seq DESC LIMIT 1) r ON true
        ORDER BY page.plan_id, page.task_key, page.key`,
      [...params, ...after],
    )) as (AssignmentLedgerRecord & { plan_id: string; task_key: number; key: string })[];
    if (batch.length === 0) return;
    for (const record of batch) {
      const pace = classifyPace(
        { status: record.status, startDate: record.start_date, dueDate: record.due_date, asOf, reportedPercent: record.percent, actual: record.actual_value,
          targets: targetProgressOf(record.targets, record.actual_reports) },
        options.pace,
      );
      yield {
        taskNumber: record.task_number,
        taskTitle: record.task_title,
        leadUnits: record.lead_units ?? '',
        unitName: record.unit_name,
        responsibilityLabel: label(RESPONSIBILITY_LABELS, record.responsibility),
        region: record.region,
        dueDate: record.due_date,
        paceLabel: pace ? PACE_LABELS[pace.pace] : '',
        progress: progressText(record.percent, record.report_text),
        statusLabel: label(ASSIGNMENT_STATUS_LABELS as Record<AssignmentStatus, string>, record.status),
        light: record.light,
        lightLabel: label(LIGHT_LABELS as Record<LightColor, string>, record.light),
        escalationLevelLabel: label(ESCALATION_LEVEL_LABELS as Record<EscalationLevel, string>, record.escalation_level),
      };
    }
    const last = batch[batch.length - 1]!;
    after = [last.plan_id, last.task_key, last.key];
    if (batch.length < batchSize) return;
  }
}

interface AnnexRecord {
  task_number: number | null;
  task_title: string | null;
  lead_units: string | null;
  unit_name: string;
  responsibility: string;
  region: string | null;
  due_date: string;
  pace: string | null;
  progress_percent: number | null;
  status: string;
  light: string;
  escalation_level: string | null;
  assignment_id: string;
}

/** A bulletin's annex table: its frozen snapshot rows (named lagging items first when `namedOnly`), in keyset batches. */
export async function* bulletinAnnexRows(dataSource: DataSource, bulletinId: string, options: { namedOnly?: boolean; batchSize?: number } = {}): AsyncGenerator<LedgerRow> {
  const batchSize = options.batchSize ?? LEDGER_BATCH_SIZE;
  let after: [number, string] = [-1, '00000000-0000-0000-0000-000000000000'];
  for (;;) {
    const batch = (await dataSource.query(
      `WITH page AS (
         SELECT i.bulletin_id, i.assignment_id, i.task_number, i.task_title, i.unit_name, i.responsibility, i.region, i.due_date::text AS due_date, i.pace,
                i.progress_percent, i.status, i.light, i.escalation_level
           FROM review_bulletin_items i
          WHERE i.bulletin_id = $1 ${options.namedOnly ? 'AND i.named' : ''} AND (COALESCE(i.task_number, -1), i.assignment_id) > ($2::int, $3::uuid)
          ORDER BY COALESCE(i.task_number, -1), i.assignment_id LIMIT ${batchSize})
       SELECT page.*, (SELECT string_agg(DISTINCT l.unit_name, '、') FROM assignments l
                WHERE l.plan_id = b.plan_id AND l.task_number = page.task_number AND l.responsibility = 'lead') AS lead_units
         FROM page JOIN review_bulletins b ON b.id = page.bulletin_id ORDER BY COALESCE(page.task_number, -1), page.assignment_id`,
      [bulletinId, ...after],
    )) as AnnexRecord[];
    if (batch.length === 0) return;
    for (const record of batch) {
      yield {
        taskNumber: record.task_number,
        taskTitle: record.task_title,
        leadUnits: record.lead_units ?? '',
        unitName: record.unit_name,
        responsibilityLabel: label(RESPONSIBILITY_LABELS, record.responsibility),
        region: record.region,
        dueDate: record.due_date,
        paceLabel: label(PACE_LABELS as Record<PaceClass, string>, record.pace),
        progress: record.progress_percent !== null ? `${record.progress_percent}%` : '',
        statusLabel: label(ASSIGNMENT_STATUS_LABELS as Record<AssignmentStatus, string>, record.status),
        light: record.light,
        lightLabel: label(LIGHT_LABELS as Record<LightColor, string>, record.light),
        escalationLevelLabel: label(ESCALATION_LEVEL_LABELS as Record<EscalationLevel, string>, record.escalation_level),
      };
    }
    const last = batch[batch.length - 1]!;
    after = [last.task_number ?? -1, last.assignment_id];
    if (batch.length < batchSize) return;
  }
}
