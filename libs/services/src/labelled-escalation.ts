import { escalationLevelLabelOf, escalationSourceLabelOf } from '@duban/domain';

/** An escalation row as every reader gets it: its level and source with their Chinese labels (the list and an assignment's detail). */
export function labelledEscalation<T extends { readonly level: string; readonly source: string }>(escalation: T): T & { levelLabel: string; sourceLabel: string } {
  return { ...escalation, levelLabel: escalationLevelLabelOf(escalation.level), sourceLabel: escalationSourceLabelOf(escalation.source) };
}
