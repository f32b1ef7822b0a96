import { OWED_STATUSES } from './assignment-status';

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * isOverdue (assignment-state.ts) as a SQL condition over the assignments read model, for filters and counts:
 * owed (pending acceptance, in progress) and `due_at` reached, or a closure requested at or after `due_at`
 * (the request instant is the domain state's `closureRequest.at`, epoch ms). Never NULL, so `NOT (…)` is
 * its exact complement. `alias` is the table's alias; `now` a SQL expression for the instant (default now()).
 */
export function overdueSql(alias: string, now = 'now()'): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new RangeError(`not a SQL alias: ${alias}`);
  const owed = OWED_STATUSES.map((status) => `'${status}'`).join(', ');
  const requestedAt = `(${alias}.state #>> '{closureRequest,at}')::numeric`;
  const dueAtMs = `(extract(epoch from ${alias}.due_at) * 1000)`;
  return (
    `COALESCE((${alias}.status IN (${owed}) AND ${alias}.due_at <= ${now})` +
    ` OR (${alias}.status = 'closure_requested' AND ${requestedAt} >= ${dueAtMs}), false)`
  );
}
