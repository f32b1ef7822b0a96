import { LIGHT_COLORS, LIGHT_LABELS, type LightColor } from '../light/traffic-light';
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from '../assignment/assignment-status';
import { PACE_CLASSES, PACE_LABELS, type PaceClass } from './pace';

/** One frozen row of a bulletin's snapshot, as the summary needs it. */
export interface SnapshotRow {
  readonly assignmentId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly region: string | null;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly status: string;
  readonly light: LightColor;
  readonly pace: PaceClass | null;
  readonly progressPercent: number | null;
  readonly expectedPercent: number;
  readonly overdue: boolean;
  readonly overdueWorkingDays: number;
  readonly candidate: boolean;
  readonly lagging: boolean;
}

export interface ShareCount<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly count: number;
  /** count / total, rounded to 0.1 % (0..100). */
  readonly share: number;
}

export interface GroupCounts {
  readonly total: number;
  readonly byPace: Readonly<Record<PaceClass, number>>;
  readonly byLight: Readonly<Record<LightColor, number>>;
  readonly overdue: number;
  readonly lagging: number;
}

export interface UnitCounts extends GroupCounts {
  readonly unitId: string;
  readonly unitName: string;
}

export interface RegionCounts extends GroupCounts {
  readonly region: string;
}

export interface NamedItem {
  readonly assignmentId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly region: string | null;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly pace: PaceClass | null;
  readonly light: LightColor;
  readonly overdueWorkingDays: number;
}

export interface BulletinSummary {
  readonly total: number;
  readonly byPace: readonly ShareCount<PaceClass>[];
  readonly byLight: readonly ShareCount<LightColor>[];
  readonly byStatus: readonly ShareCount<string>[];
  readonly byUnit: readonly UnitCounts[];
  readonly byRegion: readonly RegionCounts[];
  /** 进展较快的单位: every item done or ahead, none lagging (most items first). */
  readonly fastUnits: readonly { unitId: string; unitName: string; total: number; doneOrAhead: number }[];
  /** 红灯最多的单位 (units with at least one red item, most red first). */
  readonly mostRedUnits: readonly { unitId: string; unitName: string; red: number }[];
  /** The lagging items named (most overdue first, at most `maxNamed`); `laggingTotal` counts them all. */
  readonly laggingItems: readonly NamedItem[];
  readonly laggingTotal: number;
  /** The ladder's 通报 candidates named (most overdue first, at most `maxNamed`); `candidateTotal` counts them all. */
  readonly candidates: readonly NamedItem[];
  readonly candidateTotal: number;
}

/** A bulletin names at most this many lagging items (the most overdue); the annex table lists them all. */
export const DEFAULT_MAX_NAMED_ITEMS = 200;

const LIGHTS = LIGHT_COLORS;

function share(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptyCounts(): { total: number; byPace: Record<PaceClass, number>; byLight: Record<LightColor, number>; overdue: number; lagging: number; candidates: number } {
  return {
    total: 0,
    byPace: { completed: 0, ahead: 0, on_pace: 0, behind: 0, not_started: 0 },
    byLight: { green: 0, yellow: 0, red: 0, neutral: 0 },
    overdue: 0,
    lagging: 0,
    candidates: 0,
  };
}

function add(counts: ReturnType<typeof emptyCounts>, group: SnapshotGroup): void {
  counts.total += group.count;
  if (group.pace) counts.byPace[group.pace] += group.count;
  counts.byLight[group.light] += group.count;
  if (group.overdue) counts.overdue += group.count;
  if (group.lagging) counts.lagging += group.count;
  if (group.candidate) counts.candidates += group.count;
}

function named(row: SnapshotRow): NamedItem {
  const { assignmentId, unitId, unitName, region, taskNumber, taskTitle, pace, light, overdueWorkingDays } = row;
  return { assignmentId, unitId, unitName, region, taskNumber, taskTitle, pace, light, overdueWorkingDays };
}

const byMostOverdue = (a: NamedItem, b: NamedItem) =>
  b.overdueWorkingDays - a.overdueWorkingDays ||
  (a.taskNumber ?? Number.MAX_SAFE_INTEGER) - (b.taskNumber ?? Number.MAX_SAFE_INTEGER) ||
  compareText(a.unitName, b.unitName) ||
  compareText(a.assignmentId, b.assignmentId);

/**
 * byMostOverdue as an ORDER BY over review_bulletin_items (most overdue first, then task number with none last,
 * unit name and assignment id in code-point order: "C" collation compares UTF-8 bytes, which orders as UTF-16 code
 * units do for every character outside the surrogate range). A set-based snapshot selects its named rows with it.
 */
export const BY_MOST_OVERDUE_SQL = 'overdue_working_days DESC, task_number ASC NULLS LAST, unit_name COLLATE "C" ASC, assignment_id ASC';

/** Rows of a snapshot alike in everything the counts read, with how many there are (a GROUP BY over the frozen rows). */
export interface SnapshotGroup {
  readonly unitId: string;
  /** The unit's name as its first row (in assignment id order) gives it. */
  readonly unitName: string;
  readonly region: string | null;
  readonly status: string;
  readonly light: LightColor;
  readonly pace: PaceClass | null;
  readonly overdue: boolean;
  readonly lagging: boolean;
  readonly candidate: boolean;
  readonly count: number;
}

/**
 * Incremental summary (rows are added batch by batch, so a snapshot of any size is summarised without
 * holding it): counts and shares per pace class, light and status, per unit (by id) and region, and the
 * rows named in the bulletin. Rows come one by one (add), or as counted groups (addGroup) plus the rows that may be
 * named: at least the candidates (addCandidate) and the lagging rows (addLaggingItem) that sort first (the rows
 * BY_MOST_OVERDUE_SQL puts first up to the limit build() names). Both lists are capped: a city-wide snapshot has
 * tens of thousands of candidates, and the annex table (the frozen items) lists them all.
 */
export class BulletinSummaryBuilder {
  private readonly all = emptyCounts();
  private readonly statuses = new Map<string, number>();
  private readonly units = new Map<string, ReturnType<typeof emptyCounts> & { unitName: string }>();
  private readonly regions = new Map<string, ReturnType<typeof emptyCounts>>();
  private readonly lagging: NamedItem[] = [];
  private readonly candidates: NamedItem[] = [];

  add(row: SnapshotRow): void {
    this.addGroup({ ...row, count: 1 });
    if (row.lagging) this.addLaggingItem(row);
    if (row.candidate) this.addCandidate(row);
  }

  /** Counts `group.count` rows (the first group of a unit gives its name). */
  addGroup(group: SnapshotGroup): void {
    add(this.all, group);
    this.statuses.set(group.status, (this.statuses.get(group.status) ?? 0) + group.count);
    let unit = this.units.get(group.unitId);
    if (!unit) {
      unit = { ...emptyCounts(), unitName: group.unitName };
      this.units.set(group.unitId, unit);
    }
    add(unit, group);
    if (group.region) {
      let region = this.regions.get(group.region);
      if (!region) {
        region = emptyCounts();
        this.regions.set(group.region, region);
      }
      add(region, group);
    }
  }

  /** A lagging row that may be named (not counted: its group is). */
  addLaggingItem(row: SnapshotRow): void {
    this.lagging.push(named(row));
  }

  /** A 通报 candidate (not counted: its group is). */
  addCandidate(row: SnapshotRow): void {
    this.candidates.push(named(row));
  }

  build(maxNamed = DEFAULT_MAX_NAMED_ITEMS): BulletinSummary {
    const total = this.all.total;
    const counts = (c: ReturnType<typeof emptyCounts>): GroupCounts => ({ total: c.total, byPace: { ...c.byPace }, byLight: { ...c.byLight }, overdue: c.overdue, lagging: c.lagging });
    const byUnit = [...this.units.entries()]
      .map(([unitId, c]) => ({ unitId, unitName: c.unitName, ...counts(c) }))
      .sort((a, b) => compareText(a.unitName, b.unitName) || compareText(a.unitId, b.unitId));
    return {
      total,
      byPace: PACE_CLASSES.map((key) => ({ key, label: PACE_LABELS[key], count: this.all.byPace[key], share: share(this.all.byPace[key], total) })),
      byLight: LIGHTS.map((key) => ({ key, label: LIGHT_LABELS[key], count: this.all.byLight[key], share: share(this.all.byLight[key], total) })),
      byStatus: [...this.statuses.entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([key, count]) => ({ key, label: ASSIGNMENT_STATUS_LABELS[key as AssignmentStatus] ?? key, count, share: share(count, total) })),
      byUnit,
      byRegion: [...this.regions.entries()].sort(([a], [b]) => compareText(a, b)).map(([region, c]) => ({ region, ...counts(c) })),
      fastUnits: byUnit
        .filter((unit) => unit.lagging === 0 && unit.byPace.completed + unit.byPace.ahead === unit.total && unit.total > 0)
        .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, total: unit.total, doneOrAhead: unit.byPace.completed + unit.byPace.ahead }))
        .sort((a, b) => b.total - a.total || compareText(a.unitName, b.unitName)),
      mostRedUnits: byUnit
        .filter((unit) => unit.byLight.red > 0)
        .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, red: unit.byLight.red }))
        .sort((a, b) => b.red - a.red || compareText(a.unitName, b.unitName)),
      laggingItems: [...this.lagging].sort(byMostOverdue).slice(0, maxNamed),
      laggingTotal: this.all.lagging,
      candidates: [...this.candidates].sort(byMostOverdue).slice(0, maxNamed),
      candidateTotal: this.all.candidates,
    };
  }
}

export function summarizeBulletin(rows: Iterable<SnapshotRow>, maxNamed = DEFAULT_MAX_NAMED_ITEMS): BulletinSummary {
  const builder = new BulletinSummaryBuilder();
  for (const row of rows) builder.add(row);
  return builder.build(maxNamed);
}
