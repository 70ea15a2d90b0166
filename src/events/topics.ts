/**
 * Every event the service publishes: small, serialisable ids, published after commit. Events that
 * go through the outbox carry the `sequence` it assigns at publication.
 */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED"; sequence: number };
  calendarChanged: { calendarId: string };
}

export type TopicName = keyof Topics;
