/**
 * The fields of the parser's `Plan` (docs/plan-json.md) that the domain reads. Structural and minimal, so a
 * `Plan` from @duban/plan-parser is assignable to `PlanInput` without the domain depending on the parser.
 */
import type { BusinessDate } from '@duban/calendar';

export interface PlanDeadlineInput {
  readonly due: BusinessDate;
  readonly text: string;
}

export interface PlanRecurringInput {
  readonly every: string;
  readonly text: string;
}

export interface PlanTaskInput {
  readonly number: number;
  readonly title: string;
  /** The task's full text (the parser always gives it): 职责分工 proposals are judged against it. */
  readonly text?: string;
  readonly section?: string | null;
  readonly responsibleRaw?: string | null;
  /** Lead fragments as printed (may be a fragment of `units`). */
  readonly lead: readonly string[];
  /** Unit fragments as printed, in order. */
  readonly units: readonly string[];
  /** The same list made full names (same order as `units`). */
  readonly unitsResolved?: readonly string[];
  readonly deadlines: readonly PlanDeadlineInput[];
  readonly recurring?: readonly PlanRecurringInput[];
  /** Actors named inside sentences when the task has no responsibility clause. */
  readonly mentionedUnits?: readonly string[];
}

export interface PlanBreakdownInput {
  readonly table: string;
  readonly region: string;
  readonly metric: string;
  readonly year: number;
  readonly value: number;
}

export interface PlanDutyInput {
  readonly unit: string;
  readonly duty: string;
}

export interface PlanInput {
  readonly title?: string | null;
  readonly period?: { readonly from: number; readonly to: number } | null;
  readonly defaultImplementers?: readonly string[];
  readonly dutyDivision?: readonly PlanDutyInput[];
  readonly tasks: readonly PlanTaskInput[];
  readonly breakdowns?: readonly PlanBreakdownInput[];
}
