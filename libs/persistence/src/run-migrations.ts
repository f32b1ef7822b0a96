import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureWorkingCalendar } from './calendar/ensure-working-calendar';
import { ensureDatabase } from './ensure-database';
import { linkLegacyRecipients } from './organisation/link-legacy-recipients';
import { linkLegacyUnits } from './organisation/link-legacy-units';
import { seedOrganisationDirectory } from './organisation/organisation-seed';

/**
 * Creates the database if needed, applies pending migrations, loads the organisation directory's seed
 * (idempotent: only missing rows are inserted), links legacy name-keyed rows to unit ids and seeds the working-day
 * calendar table; returns the migrations applied.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, { poolSize: 2, applicationName: 'duban-migrate' }), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction(async (manager) => {
      await seedOrganisationDirectory(manager);
      // Rows written before the directory (unit names) get unit ids; a no-op once every row has one.
      await linkLegacyUnits(manager);
      // Then notifications, subscriptions and user scopes still keyed by unit name move to those ids.
      await linkLegacyRecipients(manager);
      // The working-day calendar set-based SQL counts with, from this build's chinese-days (a no-op when current).
      await ensureWorkingCalendar(manager);
    });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The SQL that would bring the schema in line with the entities after all
 * migrations: empty when entities and migrations agree.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, { poolSize: 2, applicationName: 'duban-schema-check' }), logging: ['error'] });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
