import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A plan's ledger in task order is keyset-paged by (task_number, key): one index walk per page. */
export class PlanTaskKeyIndex1796152535923 implements MigrationInterface {
  name = 'PlanTaskKeyIndex1796152535923';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The new index first, so plan lists are never without one; it also serves everything the old one did.
    await queryRunner.query("CREATE INDEX \"idx_assignments_plan_task_key\" ON \"assignments\"  (\"plan_id\", \"task_number\", \"key\") ");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_plan_task\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_plan_task_key\"");
    await queryRunner.query("CREATE INDEX \"idx_assignments_plan_task\" ON \"assignments\" USING btree (\"plan_id\", \"task_number\") ");
  }
}
