/** Every event the service publishes: small, serialisable ids, published after commit. */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED" };
  calendarChanged: { calendarId: string };
  tierSubscriptionChanged: { accountId: string; subscriptionId: string; kind: "SUBSCRIBED" | "CHANGED" | "CANCELLED" | "REBOOKED" | "RENEWED" | "ENDED" };
}

export type TopicName = keyof Topics;
