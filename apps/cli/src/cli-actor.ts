import { ROLES, type Actor, type Role } from '@duban/domain';

/**
 * Who the CLI acts as: `--as admin` (default), `--as coordinator`,
 * `--as unit_staff:市卫健委[,市发改委]`. The CLI is an operator's tool on the
 * server; the HTTP API is where people authenticate.
 */
export function parseCliActor(value: string | undefined): Actor {
  const [role, units] = (value ?? 'admin').split(':', 2) as [string, string | undefined];
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`--as must be one of ${ROLES.join(', ')} (optionally :unit,unit), got "${value}"`);
  return { role: role as Role, unitIds: units ? units.split(',').map((unit) => unit.trim()).filter(Boolean) : [], id: `cli:${process.env.USER ?? 'operator'}` };
}
