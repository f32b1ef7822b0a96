import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Talks1796163182464 implements MigrationInterface {
  name = 'Talks1796163182464';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"talks\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"assignment_id\" uuid, \"unit_id\" uuid, \"unit_name\" text NOT NULL, \"source\" text NOT NULL, \"source_ref\" text, \"status\" text NOT NULL DEFAULT 'proposed', \"reason\" text NOT NULL, \"talk_target\" text, \"scheduled_at\" TIMESTAMP WITH TIME ZONE, \"place\" text, \"attendees\" text, \"minutes\" text, \"demands\" text, \"rectify_by\" date, \"held_at\" TIMESTAMP WITH TIME ZONE, \"rectification\" text, \"rectification_reported_at\" TIMESTAMP WITH TIME ZONE, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"escalated_at\" TIMESTAMP WITH TIME ZONE, \"escalated_reason\" text, \"created_by\" text, \"updated_by\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT 1, CONSTRAINT \"PK_40335c0a4082e2e036902ac9d3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_talks_unit_held\" ON \"talks\" (\"unit_id\", \"held_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_talks_plan_status\" ON \"talks\" (\"plan_id\", \"status\") ");
    // History: the open statuses as of this migration (OPEN_TALK_STATUSES in libs/domain/src/talk).
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_talks_open_assignment\" ON \"talks\" (\"assignment_id\") WHERE status IN ('proposed', 'scheduled', 'held', 'rectification_reported') AND assignment_id IS NOT NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_talks_open_assignment\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_talks_plan_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_talks_unit_held\"");
    await queryRunner.query("DROP TABLE \"talks\"");
  }
}
