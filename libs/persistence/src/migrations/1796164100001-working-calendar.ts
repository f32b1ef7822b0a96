import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * working_calendar_days: the working-day calendar as a table (one row per day, with a running working-day count),
 * so a bulletin's snapshot counts working days in SQL; working_calendar_source: which calendar it holds. The rows
 * are written by the seeding step (ensureWorkingCalendar, run after migrations), not here: they come from the
 * chinese-days package, which gains a year at a time, and an applied migration never changes.
 */
export class WorkingCalendar1796164100001 implements MigrationInterface {
  name = 'WorkingCalendar1796164100001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "working_calendar_days" ("day" date NOT NULL, "workday" boolean NOT NULL, "official" boolean NOT NULL, "workday_seq" integer NOT NULL, ' +
        'CONSTRAINT "PK_working_calendar_days" PRIMARY KEY ("day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "working_calendar_source" ("id" smallint NOT NULL, "fingerprint" text NOT NULL, "seeded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ' +
        'CONSTRAINT "PK_working_calendar_source" PRIMARY KEY ("id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "working_calendar_source"');
    await queryRunner.query('DROP TABLE "working_calendar_days"');
  }
}
