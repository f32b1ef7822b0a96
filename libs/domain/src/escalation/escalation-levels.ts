/** The overdue escalation levels, lowest first. The order is the severity order. */
export const ESCALATION_LEVELS = ['urge', 'supervise', 'bulletin', 'talk'] as const;

export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** The levels a supervisor applies by hand (催办, 督办); 通报 and 约谈 come from the ladder and the coordinator. */
export const MANUAL_ESCALATION_LEVELS = ['urge', 'supervise'] as const satisfies readonly EscalationLevel[];

export type ManualEscalationLevel = (typeof MANUAL_ESCALATION_LEVELS)[number];

export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, string>> = {
  urge: '催办',
  supervise: '督办',
  bulletin: '通报',
  talk: '约谈',
};

/** Consequence applied by the assessment rules, not by the ladder. */
export const AWARD_DISQUALIFICATION_LABEL = '取消年终评优资格';

export function isEscalationLevel(value: unknown): value is EscalationLevel {
  return typeof value === 'string' && (ESCALATION_LEVELS as readonly string[]).includes(value);
}

/** Position in the severity order: urge 0 … talk 3. */
export function escalationRank(level: EscalationLevel): number {
  return ESCALATION_LEVELS.indexOf(level);
}

/** The most severe level in the list, or null when empty. */
export function highestLevel(levels: readonly EscalationLevel[]): EscalationLevel | null {
  let highest: EscalationLevel | null = null;
  for (const level of levels) {
    if (highest === null || escalationRank(level) > escalationRank(highest)) highest = level;
  }
  return highest;
}
