import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { eventTypeLabelOf } from '@duban/domain';
import type { JsonObject } from '@duban/persistence';
import { withRoleLabel } from './assignment.service';

export interface FeedEvent {
  readonly id: string;
  readonly assignmentId: string;
  readonly planId: string;
  /** The holder's directory unit (null only for a legacy row the directory has not placed). */
  readonly unitId: string | null;
  /** For display. */
  readonly unitName: string;
  readonly seq: number;
  readonly type: string;
  readonly typeLabel: string;
  readonly actor: JsonObject;
  readonly payload: JsonObject;
  readonly occurredAt: string;
}

/** Assignment events in time order, for the live stream. */
@Injectable()
export class EventFeedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Events that occurred at or after `since`, oldest first, at most `limit`, only `units`' when given. Units are
   * matched by directory id; a scope entry that is still a name (a user from before the directory) matches the
   * display name, as the read scope does (canReadUnit), so nothing is lost while users move to ids.
   */
  async since(since: Date, units: readonly string[] | undefined, limit = 500): Promise<FeedEvent[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.assignment_id, e.plan_id, a.unit_id::text AS unit_id, a.unit_name, e.seq, e.type, e.actor, e.payload, e.occurred_at
         FROM assignment_events e JOIN assignments a ON a.id = e.assignment_id
        WHERE e.occurred_at >= $1
          AND ($2::text[] IS NULL OR a.unit_id::text = ANY($2::text[]) OR a.unit_name = ANY($2::text[]))
        ORDER BY e.occurred_at, e.id
        LIMIT $3`,
      [since, units === undefined ? null : [...units], limit],
    )) as { id: string; assignment_id: string; plan_id: string; unit_id: string | null; unit_name: string; seq: number; type: string; actor: JsonObject; payload: JsonObject; occurred_at: Date }[];
    return rows.map((row) => ({
      id: row.id,
      assignmentId: row.assignment_id,
      planId: row.plan_id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      seq: row.seq,
      type: row.type,
      typeLabel: eventTypeLabelOf(row.type),
      actor: withRoleLabel(row.actor) as JsonObject,
      payload: row.payload,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }
}
