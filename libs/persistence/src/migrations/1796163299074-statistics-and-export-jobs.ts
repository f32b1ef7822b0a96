import type { MigrationInterface, QueryRunner } from 'typeorm';

/** statistics_daily: one row per plan and day (the 驾驶舱's overdue trend); export_jobs: large exports run as jobs. */
export class StatisticsAndExportJobs1796163299074 implements MigrationInterface {
  name = 'StatisticsAndExportJobs1796163299074';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "statistics_daily" ("day" date NOT NULL, "plan_id" uuid NOT NULL, "total" integer NOT NULL, "overdue" integer NOT NULL, "lagging" integer NOT NULL, ' +
        '"red" integer NOT NULL, "yellow" integer NOT NULL, "green" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ' +
        'CONSTRAINT "PK_statistics_daily" PRIMARY KEY ("day", "plan_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "export_jobs" ("id" uuid NOT NULL, "kind" text NOT NULL, "filter" jsonb NOT NULL DEFAULT \'{}\', "requested_by" jsonb NOT NULL, "status" text NOT NULL, ' +
        '"rows" integer, "file_name" text NOT NULL, "storage_key" text, "size" bigint, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ' +
        '"started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_export_jobs" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "idx_export_jobs_created" ON "export_jobs" ("created_at")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."idx_export_jobs_created"');
    await queryRunner.query('DROP TABLE "export_jobs"');
    await queryRunner.query('DROP TABLE "statistics_daily"');
  }
}
