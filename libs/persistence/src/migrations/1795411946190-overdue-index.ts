import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueIndex1795411946190 implements MigrationInterface {
  name = 'OverdueIndex1795411946190';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_assignments_open_due\" ON \"assignments\"  (\"due_date\", \"key\", \"due_at\") WHERE status IN ('pending_acceptance', 'in_progress')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_open_due\"");
  }
}
