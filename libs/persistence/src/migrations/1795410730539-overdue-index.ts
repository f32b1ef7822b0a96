import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueIndex1795410730539 implements MigrationInterface {
  name = 'OverdueIndex1795410730539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_assignments_open_due\" ON \"assignments\"  (\"due_at\", \"due_date\", \"key\") WHERE status IN ('pending_acceptance', 'in_progress')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_open_due\"");
  }
}
