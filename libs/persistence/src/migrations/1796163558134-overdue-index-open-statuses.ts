import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue list's index covers every open status: the overdue predicate also counts a closure requested after
 * the deadline, so the old index (owed statuses only) never matched it and the first page sorted a sequential scan.
 */
export class OverdueIndexOpenStatuses1796163558134 implements MigrationInterface {
  name = 'OverdueIndexOpenStatuses1796163558134';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX \"idx_assignments_overdue_due\" ON \"assignments\" (\"due_date\", \"key\", \"due_at\") WHERE status IN ('pending_acceptance', 'in_progress', 'closure_requested')",
    );
    await queryRunner.query('DROP INDEX "public"."idx_assignments_open_due"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_assignments_open_due\" ON \"assignments\" (\"due_date\", \"key\", \"due_at\") WHERE status IN ('pending_acceptance', 'in_progress')");
    await queryRunner.query('DROP INDEX "public"."idx_assignments_overdue_due"');
  }
}
