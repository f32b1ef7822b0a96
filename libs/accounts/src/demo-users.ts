import type { DataSource } from 'typeorm';
import { resolveUnitName } from '@duban/domain';
import { loadOrganisationDirectory } from '@duban/persistence';
import { insertUser, type NewUser } from './insert-user';
import { processEnvironment } from '@duban/config';

/** A demo user's unit as the README names it: a short name in one seed city's directory. */
export interface DemoUnit {
  readonly city: string;
  readonly name: string;
}

export type DemoUser = NewUser & { readonly demoUnit?: DemoUnit };

/**
 * One user per role for LOCAL DEMOS ONLY: the passwords are published in the
 * README. Never created by a migration; seedDemoUsers refuses to run in production.
 * Unit staff hold directory unit ids: `demoUnit` is resolved in that city's directory
 * when the user is seeded (南京's 市卫健委 is not 郴州's).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', password: 'admin123', role: 'admin', displayName: '系统管理员（演示）', unitIds: [] },
  { username: 'coordinator', password: 'coordinator123', role: 'coordinator', displayName: '牵头协调人员（演示）', unitIds: [] },
  { username: 'supervisor', password: 'supervisor123', role: 'supervisor', displayName: '督查人员（演示）', unitIds: [] },
  { username: 'weijian', password: 'weijian123', role: 'unit_staff', displayName: '市卫健委经办人（演示）', unitIds: [], demoUnit: { city: '南京市', name: '市卫健委' } },
  { username: 'fagai', password: 'fagai123', role: 'unit_staff', displayName: '市发改委经办人（演示）', unitIds: [], demoUnit: { city: '南京市', name: '市发改委' } },
];

/** The directory id of a demo user's unit, resolved by the same rules as a plan's printed names. */
async function demoUnitId(dataSource: DataSource, unit: DemoUnit): Promise<string> {
  const directory = await loadOrganisationDirectory(dataSource.manager);
  const city = directory.jurisdictions.find((jurisdiction) => jurisdiction.name === unit.city && jurisdiction.parentId !== null);
  if (!city) throw new Error(`demo users: ${unit.city} is not in the organisation directory (run db migrate first)`);
  const resolution = resolveUnitName(unit.name, { directory, jurisdictionId: city.id, asOf: new Date().toISOString().slice(0, 10) });
  if (resolution.status !== 'resolved' || !resolution.unitId) throw new Error(`demo users: ${unit.city}的“${unit.name}”在组织目录中无法唯一确定`);
  return resolution.unitId;
}

/**
 * Creates the demo users that do not exist yet (existing ones, even with changed passwords, are left alone,
 * except that a demo unit user still holding the unit's bare name, from before the directory, is moved to its id).
 */
export async function seedDemoUsers(dataSource: DataSource, env: Readonly<Record<string, string | undefined>> = processEnvironment()): Promise<{ created: string[]; existing: string[] }> {
  if (env.NODE_ENV === 'production') throw new Error('seedDemoUsers refuses to run with NODE_ENV=production: demo passwords are public');
  const created: string[] = [];
  const existing: string[] = [];
  for (const { demoUnit, ...user } of DEMO_USERS) {
    const unitIds = demoUnit ? [await demoUnitId(dataSource, demoUnit)] : user.unitIds;
    if (await insertUser(dataSource.manager, { ...user, unitIds }, { demoSeed: true })) created.push(user.username);
    else {
      existing.push(user.username);
      if (demoUnit) await dataSource.query('UPDATE users SET unit_ids = $2 WHERE username = $1 AND unit_ids = $3', [user.username, unitIds, [demoUnit.name]]);
    }
  }
  return { created, existing };
}
