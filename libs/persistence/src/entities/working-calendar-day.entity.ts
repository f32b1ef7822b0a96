import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One day of the working-day calendar (libs/calendar working-calendar-table.ts): what set-based SQL counts working
 * days with. Written only by the seeding step (ensureWorkingCalendar) from the calendar library itself.
 */
@Entity({ name: 'working_calendar_days' })
export class WorkingCalendarDayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_working_calendar_days' })
  day!: string;

  @Column({ type: 'boolean' })
  workday!: boolean;

  /** False for a year without published holiday data (Monday–Friday assumed). */
  @Column({ type: 'boolean' })
  official!: boolean;

  /** Working days from the table's first day up to and including this one. */
  @Column({ name: 'workday_seq', type: 'integer' })
  workdaySeq!: number;
}

/** Which calendar the table holds (one row): the seeding step rewrites the table when the fingerprint changes. */
@Entity({ name: 'working_calendar_source' })
export class WorkingCalendarSourceEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_working_calendar_source' })
  id!: number;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ name: 'seeded_at', type: 'timestamptz', default: () => 'now()' })
  seededAt!: Date;
}
