/** Every event the service publishes: small, serialisable ids, published after commit. */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED" };
  /** A write took the account's unit balance to or below its low-balance threshold. */
  unitBalanceLow: { accountId: string; alertId: string };
}

export type TopicName = keyof Topics;
