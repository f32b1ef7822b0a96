import type { EntityManager } from 'typeorm';

export interface LegacyRecipientResult {
  readonly outboxLinked: number;
  readonly inboxLinked: number;
  readonly subscriptionsLinked: number;
  readonly userScopesLinked: number;
  /** Channel subscriptions whose unit name matches no single directory unit: kept by name, for an administrator. */
  readonly subscriptionsUnplaced: number;
  /** Users with a scope entry that is still a name no single directory unit answers to. */
  readonly usersUnplaced: number;
}

const UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * The names that designate exactly one directory unit anywhere: an assignment's printed name linked to one unit,
 * a unit's canonical or short name, or an alias. A name two cities share (市卫健委) is ambiguous and left alone.
 */
const UNIQUE_UNIT_NAMES = `
  SELECT name, min(unit_id::text) AS unit_id FROM (
    SELECT DISTINCT unit_name AS name, unit_id FROM assignments WHERE unit_id IS NOT NULL
    UNION SELECT name, id FROM units
    UNION SELECT short_name, id FROM units WHERE short_name IS NOT NULL
    UNION SELECT alias, unit_id FROM unit_aliases
  ) candidates GROUP BY name HAVING count(DISTINCT unit_id) = 1`;

function affected(result: unknown): number {
  // TypeORM's postgres driver answers [rows, count] for UPDATE … RETURNING.
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]).length : Array.isArray(result) ? result.length : 0;
}

/**
 * Moves notification rows written while recipients were unit names onto unit ids, keeping the name for display:
 * an outbox message to an assignment's unit takes the assignment's unit id; a plan's "new tasks" notice and a 通报
 * notice (payload with planId) take the id the plan's assignments of that name carry; inbox rows follow their outbox
 * message. Channel subscriptions and user scopes by name move to the one unit that name designates. Only rows
 * still keyed by name are touched (recipient_name / unit_name null, scope entries that are not ids), so it runs
 * after every migration; what it cannot place stays as it was and is counted.
 */
export async function linkLegacyRecipients(manager: EntityManager): Promise<LegacyRecipientResult> {
  let outboxLinked = 0;
  outboxLinked += affected(
    await manager.query(`
      UPDATE outbox_messages m SET recipient = a.unit_id::text, recipient_name = m.recipient
        FROM assignments a
       WHERE m.recipient_name IS NULL AND m.recipient NOT LIKE 'role:%' AND m.payload ? 'assignmentId'
         AND a.id::text = m.payload->>'assignmentId' AND a.unit_name = m.recipient AND a.unit_id IS NOT NULL
      RETURNING m.id`),
  );
  outboxLinked += affected(
    await manager.query(`
      UPDATE outbox_messages m SET recipient = u.unit_id, recipient_name = m.recipient
        FROM (SELECT plan_id::text AS plan_id, unit_name, min(unit_id::text) AS unit_id FROM assignments
               WHERE unit_id IS NOT NULL GROUP BY plan_id, unit_name HAVING count(DISTINCT unit_id) = 1) u
       WHERE m.recipient_name IS NULL AND m.recipient NOT LIKE 'role:%' AND NOT m.payload ? 'assignmentId'
         AND m.payload ? 'planId' AND u.plan_id = m.payload->>'planId' AND u.unit_name = m.recipient
      RETURNING m.id`),
  );
  const inboxLinked = affected(
    await manager.query(`
      UPDATE inbox_messages i SET recipient = m.recipient, recipient_name = m.recipient_name
        FROM outbox_messages m
       WHERE i.outbox_message_id = m.id AND i.recipient_name IS NULL AND m.recipient_name IS NOT NULL
      RETURNING i.id`),
  );
  const subscriptionsLinked = affected(
    await manager.query(`
      UPDATE channel_subscriptions s SET unit = n.unit_id, unit_name = s.unit
        FROM (${UNIQUE_UNIT_NAMES}) n
       WHERE s.unit_name IS NULL AND s.unit !~ ${UUID} AND n.name = s.unit
      RETURNING s.id`),
  );
  const userScopesLinked = affected(
    await manager.query(`
      UPDATE users us SET unit_ids = mapped.ids
        FROM (SELECT u.id, array_agg(coalesce(n.unit_id, entry) ORDER BY position) AS ids
                FROM users u CROSS JOIN LATERAL unnest(u.unit_ids) WITH ORDINALITY AS e(entry, position)
                LEFT JOIN (${UNIQUE_UNIT_NAMES}) n ON n.name = e.entry AND e.entry !~ ${UUID}
               GROUP BY u.id) mapped
       WHERE us.id = mapped.id AND us.unit_ids IS DISTINCT FROM mapped.ids
      RETURNING us.id`),
  );
  const [{ subscriptions }] = (await manager.query(`SELECT count(*)::int AS subscriptions FROM channel_subscriptions WHERE unit_name IS NULL AND unit !~ ${UUID}`)) as { subscriptions: number }[];
  const [{ users }] = (await manager.query(`SELECT count(*)::int AS users FROM users WHERE EXISTS (SELECT 1 FROM unnest(unit_ids) e WHERE e !~ ${UUID})`)) as { users: number }[];
  return { outboxLinked, inboxLinked, subscriptionsLinked, userScopesLinked, subscriptionsUnplaced: subscriptions, usersUnplaced: users };
}
