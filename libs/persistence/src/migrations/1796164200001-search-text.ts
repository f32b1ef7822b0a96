import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 任务台账 at 100,000 assignments (issue 11: every page under 300 ms):
 * - search_text: task title and unit name lower-cased in one stored generated column, so the text filter is one
 *   LIKE per row (ILIKE lower-cases both strings per row and per field, the cost of a search that scans) and one
 *   GIN trigram index (pg_trgm; shipped with PostgreSQL's contrib, trusted since 13) for terms of three or more
 *   characters. Trigrams of Chinese text need a UTF-8 ctype other than plain "C" (C.UTF-8, en_US.UTF-8, zh_CN…);
 *   under "C" the index finds nothing to use and the planner scans instead: slower, never wrong.
 *   Adding the column rewrites the table once (seconds at 100,000 rows).
 * - (due_date, key) and (light, due_date, key): the ledger's default order and the light filter in that order are
 *   index walks instead of sorting every matching row for each page; the second replaces (light, due_date).
 * TypeORM compares a generated column's expression with the one it recorded in typeorm_metadata (created by the
 * migration runner when an entity has one): recorded here for this database, identical to ASSIGNMENT_SEARCH_TEXT_SQL.
 */
export class SearchText1796164200001 implements MigrationInterface {
  name = 'SearchText1796164200001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const expression = "lower(coalesce(task_title, '') || chr(1) || unit_name)";
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`ALTER TABLE "assignments" ADD "search_text" text GENERATED ALWAYS AS (${expression}) STORED`);
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)',
      ['assignments', 'GENERATED_COLUMN', 'search_text', expression],
    );
    await queryRunner.query('CREATE INDEX "idx_assignments_search_trgm" ON "assignments" USING gin ("search_text" gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX "idx_assignments_due_key" ON "assignments" ("due_date", "key") ');
    await queryRunner.query('CREATE INDEX "idx_assignments_light_due_key" ON "assignments" ("light", "due_date", "key") ');
    await queryRunner.query('DROP INDEX "public"."idx_assignments_light_due"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "idx_assignments_light_due" ON "assignments" ("light", "due_date") ');
    await queryRunner.query('DROP INDEX "public"."idx_assignments_light_due_key"');
    await queryRunner.query('DROP INDEX "public"."idx_assignments_due_key"');
    await queryRunner.query('DROP INDEX "public"."idx_assignments_search_trgm"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "table" = $3 AND "database" = current_database() AND "schema" = current_schema()',
      ['GENERATED_COLUMN', 'search_text', 'assignments'],
    );
    await queryRunner.query('ALTER TABLE "assignments" DROP COLUMN "search_text"');
    // Nothing else in Duban's schema uses pg_trgm.
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
