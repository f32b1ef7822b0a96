import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewBulletins1796152649036 implements MigrationInterface {
  name = 'ReviewBulletins1796152649036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"review_bulletins\" (\"id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"as_of\" date NOT NULL, \"status\" text NOT NULL DEFAULT 'drafting', \"workflow_id\" text NOT NULL, \"run_id\" text, \"title\" text NOT NULL DEFAULT '', \"text\" text NOT NULL DEFAULT '', \"summary\" jsonb NOT NULL DEFAULT '{}', \"snapshot_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_ecc82ed41d9f140b0b8baa7c564\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_review_bulletins_period\" ON \"review_bulletins\"  (\"plan_id\", \"kind\", \"as_of\") ");
    await queryRunner.query("CREATE TABLE \"review_bulletin_items\" (\"bulletin_id\" uuid NOT NULL, \"assignment_id\" uuid NOT NULL, \"unit_id\" text NOT NULL, \"unit_name\" text NOT NULL, \"region\" text, \"task_number\" integer, \"task_title\" text, \"responsibility\" text NOT NULL, \"status\" text NOT NULL, \"due_date\" date NOT NULL, \"light\" text NOT NULL, \"pace\" text, \"expected_percent\" double precision NOT NULL, \"progress_percent\" double precision, \"escalation_level\" text, \"overdue\" boolean NOT NULL, \"overdue_working_days\" integer NOT NULL, \"candidate\" boolean NOT NULL, \"lagging\" boolean NOT NULL, \"named\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_3ebcc5d9b1eaaecdecc589dbd87\" PRIMARY KEY (\"bulletin_id\", \"assignment_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_review_bulletin_items_unit\" ON \"review_bulletin_items\"  (\"bulletin_id\", \"unit_id\") ");
    await queryRunner.query("CREATE TABLE \"review_notices\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bulletin_id\" uuid NOT NULL, \"assignment_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"unit_id\" text NOT NULL, \"unit_name\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5bacb3b0ec6cb0155c7713335b6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_review_notices_plan_unit\" ON \"review_notices\"  (\"plan_id\", \"unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_review_notices_bulletin_assignment\" ON \"review_notices\"  (\"bulletin_id\", \"assignment_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_review_notices_bulletin_assignment\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_review_notices_plan_unit\"");
    await queryRunner.query("DROP TABLE \"review_notices\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_review_bulletin_items_unit\"");
    await queryRunner.query("DROP TABLE \"review_bulletin_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_review_bulletins_period\"");
    await queryRunner.query("DROP TABLE \"review_bulletins\"");
  }
}
