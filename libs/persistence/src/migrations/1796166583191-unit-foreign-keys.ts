import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignments and aliases point at real units: foreign keys from assignments.unit_id and unit_aliases.unit_id to
 * units. An assignment without a unit id (a legacy row the directory has not placed yet) stays allowed (the column
 * is nullable); an id that names no unit (none is expected) is cleared first, so the row falls back to its name and
 * linkLegacyUnits places it again after the migration. An alias goes with its unit. (User scopes and inbox
 * recipients are text arrays / role mailboxes, which Postgres cannot key: the services check those.)
 */
export class UnitForeignKeys1796166583191 implements MigrationInterface {
  name = 'UnitForeignKeys1796166583191';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE "assignments" a SET "unit_id" = NULL WHERE a."unit_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "units" u WHERE u."id" = a."unit_id")');
    await queryRunner.query('DELETE FROM "unit_aliases" al WHERE NOT EXISTS (SELECT 1 FROM "units" u WHERE u."id" = al."unit_id")');
    await queryRunner.query('ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE NO ACTION ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "unit_aliases" ADD CONSTRAINT "fk_unit_aliases_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "unit_aliases" DROP CONSTRAINT "fk_unit_aliases_unit"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "fk_assignments_unit"');
  }
}
