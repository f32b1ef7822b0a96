import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceFilesAndReportActuals1796153250141 implements MigrationInterface {
  name = 'EvidenceFilesAndReportActuals1796153250141';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"evidence_files\" (\"id\" uuid NOT NULL, \"assignment_id\" uuid NOT NULL, \"file_name\" text NOT NULL, \"content_type\" text NOT NULL, \"size\" bigint NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" text NOT NULL, \"uploaded_by\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_e4feb41bd484f8abdc0cd7fc43d\" UNIQUE (\"storage_key\"), CONSTRAINT \"PK_f8d1a9a8e0430b749e2f4694460\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_evidence_files_assignment\" ON \"evidence_files\"  (\"assignment_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"progress_reports\" ADD \"evidence\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"progress_reports\" ADD \"actuals\" jsonb NOT NULL DEFAULT '[]'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"progress_reports\" DROP COLUMN \"actuals\"");
    await queryRunner.query("ALTER TABLE \"progress_reports\" DROP COLUMN \"evidence\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_evidence_files_assignment\"");
    await queryRunner.query("DROP TABLE \"evidence_files\"");
  }
}
