import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1796163548651 implements MigrationInterface {
  name = 'Assessments1796163548651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessments\" (\"id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"year\" integer NOT NULL, \"as_of\" date NOT NULL, \"status\" text NOT NULL DEFAULT 'drafting', \"workflow_id\" text NOT NULL, \"run_id\" text, \"rubric\" jsonb NOT NULL DEFAULT '{}', \"publish_rankings\" boolean NOT NULL DEFAULT false, \"drafted_at\" TIMESTAMP WITH TIME ZONE, \"confirmed_at\" TIMESTAMP WITH TIME ZONE, \"confirmed_by\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT 1, CONSTRAINT \"PK_a3442bd80a00e9111cefca57f6c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessments_plan_year\" ON \"assessments\" (\"plan_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"assessment_lines\" (\"assessment_id\" uuid NOT NULL, \"unit_id\" text NOT NULL, \"unit_name\" text NOT NULL, \"unit_kind\" text NOT NULL, \"group_code\" text NOT NULL, \"group_label\" text NOT NULL, \"score\" double precision NOT NULL, \"grade\" text NOT NULL, \"rank\" integer NOT NULL, \"items\" jsonb NOT NULL DEFAULT '[]', \"counts\" jsonb NOT NULL DEFAULT '{}', \"position\" integer NOT NULL, CONSTRAINT \"PK_b973e9a21a97856fe2b88f0443f\" PRIMARY KEY (\"assessment_id\", \"unit_id\"))");
    await queryRunner.query("CREATE TABLE \"assessment_sanctions\" (\"id\" uuid NOT NULL, \"assessment_id\" uuid NOT NULL, \"unit_id\" text NOT NULL, \"unit_name\" text NOT NULL, \"kind\" text NOT NULL, \"rule\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'proposed', \"reason\" text, \"decided_by\" text, \"decided_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_2998bc7e8593a791499cc14e9d2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_sanctions_unit_kind\" ON \"assessment_sanctions\" (\"assessment_id\", \"unit_id\", \"kind\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_assessment_sanctions_unit_kind\"");
    await queryRunner.query("DROP TABLE \"assessment_sanctions\"");
    await queryRunner.query("DROP TABLE \"assessment_lines\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assessments_plan_year\"");
    await queryRunner.query("DROP TABLE \"assessments\"");
  }
}
