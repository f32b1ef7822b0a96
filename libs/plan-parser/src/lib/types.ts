/** Plan JSON (see docs/plan-json.md) plus parser extras. */

export interface ParseWarning {
  code: string;
  message: string;
  taskNumber?: number;
}

/** Where a value came from: a character range [start, end) in the text given to the parser, and its PDF page. */
export interface SourceRange {
  start: number;
  end: number;
  /** 1-based page, for text extracted from a PDF. */
  page?: number;
}

export interface Deadline {
  /** ISO date (YYYY-MM-DD): last day of the period named. */
  due: string;
  /** The clause verbatim, from the date phrase to the next 。 or ；. */
  text: string;
  /** Present (true) on periods counted from the issue date: 年内, 一年内, 三年内. */
  relative?: true;
  /** Always set by the parser; optional for plans built by hand (tests, older drafts). */
  sourceRange?: SourceRange;
  /** Why it was read as a deadline. */
  reason?: string;
}

export interface RecurringDuty {
  /** "year", "2 years", "quarter", "month", "week", "day", "6 months"… */
  every: string;
  text: string;
  sourceRange?: SourceRange;
}

/** A resolved unit with its directory match (null = unknown, kept and flagged). */
export interface UnitRef {
  name: string;
  canonical: string | null;
  unitId: string | null;
  kind: UnitKind | null;
  /** Where the name (as printed) stands in the text. */
  sourceRange?: SourceRange;
}

/** One responsibility clause of a task (a task may carry several, in mid-paragraph). */
export interface TaskClause {
  /** Clause content after any 责任单位：prefix. */
  raw: string;
  lead: string[];
  units: string[];
  unitsResolved: string[];
  supporting: string[];
  /** The clause closes the task (it is the one `responsibleRaw` comes from). */
  trailing: boolean;
  /** The clause with its brackets. */
  sourceRange: SourceRange;
  reason: string;
}

export interface PlanTask {
  number: number;
  label: string;
  section: string | null;
  title: string;
  /** The task's full text, all paragraphs, label included. */
  text: string;
  responsibleRaw: string | null;
  lead: string[];
  units: string[];
  unitsResolved: string[];
  /** Supporting (配合/协办) units, resolved names. */
  supporting: string[];
  unitRefs: UnitRef[];
  mentionedUnits?: string[];
  deadlines: Deadline[];
  recurring: RecurringDuty[];
  /** 1-based line number of the task's label in the normalized text. */
  line: number;
  /** The task's text, label to last line. (The parser always sets the fields below; they are
   *  optional for plans built by hand, e.g. in other libraries' tests.) */
  sourceRange?: SourceRange;
  /** Every responsibility clause of the task, in order (the trailing one included). */
  clauses?: TaskClause[];
  /** 0–1: how sure the parser is that this is a task with the right clause. */
  confidence?: number;
  /** Why it was taken as a task and how sure the parser is (Chinese). */
  reason?: string;
}

export interface BreakdownCell {
  table: string;
  region: string;
  metric: string;
  year: number;
  value: number;
  sourceRange?: SourceRange;
}

export interface DutyDivisionEntry {
  unit: string;
  duty: string;
}

export interface Plan {
  document: string;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  period: { from: number; to: number } | null;
  reviewMechanism: string[];
  sanctions: string[];
  defaultImplementers: string[];
  dutyDivision: DutyDivisionEntry[];
  tasks: PlanTask[];
  breakdowns: BreakdownCell[];
  warnings: ParseWarning[];
}

export type UnitKind = 'department' | 'government' | 'party' | 'committee' | 'collective' | 'place' | 'other';

/** One canonical unit of a city directory. */
export interface UnitEntry {
  id: string;
  /** Canonical full name, e.g. "市卫生健康委". */
  name: string;
  aliases: string[];
  kind: UnitKind;
}

/**
 * A unit directory: canonical units with aliases, per city. Names are matched after
 * the place prefix is normalized (南通市卫健委 → 市卫健委), so entries are written
 * with the generic level prefix ("市…") or none ("卫生健康部门").
 */
export interface UnitDirectory {
  city: string | null;
  /** Extra alias → canonical name (or unit id) pairs. */
  aliases: Record<string, string>;
  units: UnitEntry[];
  /** Districts/counties of the city (for expanding 各区人民政府 later). */
  districts: string[];
}

export interface ParseOptions {
  /** The input file's base name, echoed as `document`. */
  document: string;
  /** Unit directory; the built-in generic one is used (and merged) when given. */
  directory?: UnitDirectory;
  /** For text extracted from a PDF: the offset where each page begins (page 1 first). */
  pageStarts?: number[];
}
