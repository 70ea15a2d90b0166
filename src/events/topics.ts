/**
 * Every event the service publishes: small, serialisable ids, published after commit. Events that
 * go through the outbox carry the `sequence` it assigns at publication.
 */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED"; sequence: number };
  calendarChanged: { calendarId: string };
  /** A write took the account's unit balance to or below its low-balance threshold. */
  unitBalanceLow: { accountId: string; alertId: string; sequence: number };
}

export type TopicName = keyof Topics;
