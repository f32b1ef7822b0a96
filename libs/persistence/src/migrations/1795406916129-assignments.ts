import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assignments1795406916129 implements MigrationInterface {
  name = 'Assignments1795406916129';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assignments\" (\"id\" uuid NOT NULL, \"key\" text NOT NULL, \"workflow_id\" text NOT NULL, \"plan_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"task_number\" integer, \"task_title\" text, \"unit_name\" text NOT NULL, \"responsibility\" text NOT NULL, \"region\" text, \"expanded_from\" text, \"proposed\" boolean NOT NULL DEFAULT false, \"status\" text NOT NULL, \"light\" text NOT NULL, \"light_reasons\" jsonb NOT NULL DEFAULT '[]', \"start_date\" date NOT NULL, \"original_due_date\" date NOT NULL, \"due_date\" date NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"due_provisional\" boolean NOT NULL DEFAULT false, \"percent\" integer, \"actual_value\" double precision, \"targets\" jsonb NOT NULL DEFAULT '[]', \"recurring\" jsonb NOT NULL DEFAULT '[]', \"escalation_level\" text, \"talk_count\" integer NOT NULL DEFAULT '0', \"bulletin_count\" integer NOT NULL DEFAULT '0', \"closure_rejection_count\" integer NOT NULL DEFAULT '0', \"last_report_at\" TIMESTAMP WITH TIME ZONE, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"state\" jsonb NOT NULL, \"version\" integer NOT NULL DEFAULT '0', \"workflow_started\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_0e7f2294abd50788b67975bd1b6\" UNIQUE (\"key\"), CONSTRAINT \"UQ_f5f5c6c40369544a54891d86834\" UNIQUE (\"workflow_id\"), CONSTRAINT \"PK_c54ca359535e0012b04dcbd80ee\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_assignments_light_due\" ON \"assignments\"  (\"light\", \"due_date\") ");
    await queryRunner.query("CREATE INDEX \"idx_assignments_unit_status\" ON \"assignments\"  (\"unit_name\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_assignments_plan_task\" ON \"assignments\"  (\"plan_id\", \"task_number\") ");
    await queryRunner.query("CREATE TABLE \"assignment_events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assignment_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"type\" text NOT NULL, \"actor\" jsonb NOT NULL, \"payload\" jsonb NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7ecd8cc6a339ad017e9f91c827d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_assignment_events_occurred\" ON \"assignment_events\"  (\"occurred_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assignment_events_seq\" ON \"assignment_events\"  (\"assignment_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"assignment_milestones\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assignment_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"due\" date NOT NULL, \"text\" text NOT NULL, \"source\" text NOT NULL, CONSTRAINT \"PK_5e11bc070ce8de2b8fac4c1c8cd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assignment_milestones\" ON \"assignment_milestones\"  (\"assignment_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"progress_reports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assignment_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"percent\" integer, \"actual_value\" double precision, \"text\" text NOT NULL, \"evidence_links\" text array NOT NULL DEFAULT '{}', \"actor\" jsonb NOT NULL, \"reported_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_175179020a43d5ec75ab1d6a04f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_progress_reports_event\" ON \"progress_reports\"  (\"assignment_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"escalations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assignment_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"unit_name\" text NOT NULL, \"seq\" integer NOT NULL, \"level\" text NOT NULL, \"source\" text NOT NULL, \"reason\" text, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_652a394609addaa4b0f2b3032a1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_escalations_level_occurred\" ON \"escalations\"  (\"level\", \"occurred_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_escalations_event\" ON \"escalations\"  (\"assignment_id\", \"seq\") ");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"digest\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"proposals_confirmed_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"settings\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"assignment_count\" integer NOT NULL DEFAULT '0'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"assignment_count\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"settings\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"proposals_confirmed_at\"");
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"digest\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_escalations_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_escalations_level_occurred\"");
    await queryRunner.query("DROP TABLE \"escalations\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_progress_reports_event\"");
    await queryRunner.query("DROP TABLE \"progress_reports\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assignment_milestones\"");
    await queryRunner.query("DROP TABLE \"assignment_milestones\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assignment_events_seq\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignment_events_occurred\"");
    await queryRunner.query("DROP TABLE \"assignment_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_plan_task\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_unit_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_light_due\"");
    await queryRunner.query("DROP TABLE \"assignments\"");
  }
}
