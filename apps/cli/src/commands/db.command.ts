import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `duban db migrate|check|generate-migration`: schema management through reviewed migrations only. */
export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('database schema: create, migrate, check, generate migrations');

  db.command('migrate')
    .description('create the database if missing and apply pending migrations')
    .action(async () => {
      const { loadConfig } = await import('@duban/config');
      const { migrateDatabase } = await import('@duban/persistence');
      const applied = await migrateDatabase(loadConfig().databaseUrl);
      console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    });

  db.command('check')
    .description('fail when the entities and the migrations disagree')
    .action(async () => {
      const { loadConfig } = await import('@duban/config');
      const { migrateDatabase, pendingSchemaChanges } = await import('@duban/persistence');
      const { databaseUrl } = loadConfig();
      await migrateDatabase(databaseUrl);
      const pending = await pendingSchemaChanges(databaseUrl);
      if (pending.length) {
        console.error(`entities and migrations disagree; missing from the migrations:\n${pending.join(';\n')}`);
        process.exitCode = 1;
      } else {
        console.log('entities and migrations agree');
      }
    });

  db.command('generate-migration <Name>')
    .description('write libs/persistence/src/migrations/<timestamp>-<name>.ts from the entity changes')
    .action(async (name: string) => {
      const { loadConfig } = await import('@duban/config');
      const { generateMigrationSource } = await import('@duban/persistence');
      const timestamp = Date.now();
      const source = await generateMigrationSource(loadConfig().databaseUrl, name, timestamp);
      if (!source) {
        console.log('no schema changes: nothing generated');
        return;
      }
      const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      const file = join('libs/persistence/src/migrations', `${timestamp}-${kebab}.ts`);
      writeFileSync(file, source);
      console.log(`wrote ${file}: review it, then list ${name}${timestamp} in libs/persistence/src/migrations/index.ts`);
    });
}
