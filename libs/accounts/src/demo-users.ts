import type { DataSource } from 'typeorm';
import { insertUser, type NewUser } from './insert-user';
import { processEnvironment } from '@duban/config';

/**
 * One user per role for LOCAL DEMOS ONLY: the passwords are published in the
 * README. Units are canonical names from the seed plans. Never created by a
 * migration; seedDemoUsers refuses to run in production.
 */
export const DEMO_USERS: readonly NewUser[] = [
  { username: 'admin', password: 'admin123', role: 'admin', displayName: '系统管理员（演示）', unitIds: [] },
  { username: 'coordinator', password: 'coordinator123', role: 'coordinator', displayName: '牵头协调人员（演示）', unitIds: [] },
  { username: 'supervisor', password: 'supervisor123', role: 'supervisor', displayName: '督查人员（演示）', unitIds: [] },
  { username: 'weijian', password: 'weijian123', role: 'unit_staff', displayName: '市卫健委经办人（演示）', unitIds: ['市卫健委'] },
  { username: 'fagai', password: 'fagai123', role: 'unit_staff', displayName: '市发改委经办人（演示）', unitIds: ['市发改委'] },
];

/** Creates the demo users that do not exist yet (existing ones, even with changed passwords, are left alone). */
export async function seedDemoUsers(dataSource: DataSource, env: Readonly<Record<string, string | undefined>> = processEnvironment()): Promise<{ created: string[]; existing: string[] }> {
  if (env.NODE_ENV === 'production') throw new Error('seedDemoUsers refuses to run with NODE_ENV=production: demo passwords are public');
  const created: string[] = [];
  const existing: string[] = [];
  for (const user of DEMO_USERS) {
    if (await insertUser(dataSource.manager, user, { demoSeed: true })) created.push(user.username);
    else existing.push(user.username);
  }
  return { created, existing };
}
