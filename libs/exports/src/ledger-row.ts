/** One line of a 台账 (ledger) or a bulletin's annex table, already in the words people read. */
export interface LedgerRow {
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly leadUnits: string;
  readonly unitName: string;
  readonly responsibilityLabel: string;
  readonly region: string | null;
  readonly dueDate: string;
  readonly paceLabel: string;
  readonly progress: string;
  readonly statusLabel: string;
  readonly light: string;
  readonly lightLabel: string;
  readonly escalationLevelLabel: string;
}
