export const UNIT_ENTRY_KINDS = ["PURCHASE", "WORK_DEBIT", "ADJUSTMENT", "REFUND", "REVERSAL"] as const;
export type UnitEntryKind = (typeof UNIT_ENTRY_KINDS)[number];
