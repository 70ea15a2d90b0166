/**
 * Every event the service publishes: small, serialisable ids, published after commit. Events that
 * go through the outbox carry the `sequence` it assigns at publication.
 */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED"; sequence: number };
  calendarChanged: { calendarId: string };
  /** A tier was created, changed or archived: cached catalogs are stale. */
  tierCatalogChanged: Record<string, never>;
  /** A request type was created or changed: cached request types are stale. */
  requestTypesChanged: Record<string, never>;
  /** A token was revoked: cached credentials must go. */
  apiTokenRevoked: { secretHash: string };
  /** A paid level was booked, changed, cancelled, booked again, renewed or ended. */
  tierSubscriptionChanged: {
    accountId: string;
    subscriptionId: string;
    kind: "SUBSCRIBED" | "CHANGED" | "CANCELLED" | "REBOOKED" | "RENEWED" | "ENDED";
    sequence: number;
  };
  /**
   * A ticket was created or changed (status, assignment, clocks, tier, messages, work). Queue
   * dashboards re-read it and place it; `accountId` lets delivery be authorised cheaply.
   */
  ticketChanged: { ticketId: string; accountId: string; kind: "CREATED" | "UPDATED"; sequence: number };
  /** An SLA alert fired (src/workers/sla-monitor.ts): a warning threshold or the breach. */
  slaAlertFired: { alertId: string; ticketId: string; accountId: string; sequence: number };
  /** A remote session or installation was requested, confirmed, done or cancelled. */
  bookingChanged: { bookingId: string; accountId: string; state: "REQUESTED" | "CONFIRMED" | "DONE" | "CANCELLED"; sequence: number };
  /** A write took the account's unit balance to or below its low-balance threshold. */
  unitBalanceLow: { accountId: string; alertId: string; sequence: number };
}

export type TopicName = keyof Topics;
/** Topics that only say "what you cached is stale". */
export type SignalTopic = "tierCatalogChanged" | "requestTypesChanged";
