import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PlanEntity } from './plan.entity';

export { InboxMessageEntity, OutboxMessageEntity, PlanEntity };
export type { OutboxStatus } from './outbox-message.entity';
export type { PlanStatus } from './plan.entity';

/** Every entity, listed explicitly (no globs: the same list works from src, dist and bundles). */
export const ENTITIES = [PlanEntity, OutboxMessageEntity, InboxMessageEntity];
export type { JsonObject, JsonValue } from './json-value';
