/** Every event the service publishes: small, serialisable ids, published after commit. */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED" };
  calendarChanged: { calendarId: string };
}

export type TopicName = keyof Topics;
