import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrateDatabase } from './run-migrations';

/**
 * Writes the TypeScript source of a migration taking the database from the
 * current migrations to the current entities (what `typeorm migration:generate`
 * does), for a human to review and list in migrations/index.ts.
 */
export async function generateMigrationSource(databaseUrl: string, name: string, timestamp: number): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error(`Migration name must be PascalCase, got "${name}"`);
  await migrateDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return null;
    const line = (query: { query: string; parameters?: unknown[] }) =>
      `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`;
    const className = `${name}${timestamp}`;
    return [
      `import type { MigrationInterface, QueryRunner } from 'typeorm';`,
      ``,
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      ``,
      `  public async up(queryRunner: QueryRunner): Promise<void> {`,
      ...sql.upQueries.map(line),
      `  }`,
      ``,
      `  public async down(queryRunner: QueryRunner): Promise<void> {`,
      ...sql.downQueries.reverse().map(line),
      `  }`,
      `}`,
      ``,
    ].join('\n');
  } finally {
    await dataSource.destroy();
  }
}
