/**
 * Every event the service publishes: small, serialisable ids, published after commit. Events that
 * go through the outbox carry the `sequence` it assigns at publication and the workspace they
 * belong to (subscribers of other workspaces never see them).
 */
export interface Topics {
  accountChanged: { accountId: string; kind: "CREATED" | "UPDATED"; sequence: number; workspaceId: string };
  calendarChanged: { calendarId: string };
  /** A tier of the workspace was created, changed or archived: its cached catalogs are stale. */
  tierCatalogChanged: { workspaceId: string };
  /** A request type of the workspace was created or changed: its cached request types are stale. */
  requestTypesChanged: { workspaceId: string };
  /**
   * A token stopped authenticating (revoked, or its partner deactivated or its account closed):
   * cached credentials must go and its sockets close (through the outbox, so it reaches every
   * instance even after a bus outage). Events written before `reason` existed were revocations.
   */
  apiTokenRevoked: { tokenId: string; secretHash: string; reason?: TokenWithdrawal; sequence: number; workspaceId: string };
  /** A paid level was booked, changed, cancelled, booked again, renewed or ended. */
  tierSubscriptionChanged: {
    accountId: string;
    subscriptionId: string;
    kind: "SUBSCRIBED" | "CHANGED" | "CANCELLED" | "REBOOKED" | "RENEWED" | "ENDED";
    sequence: number;
    workspaceId: string;
  };
  /**
   * A ticket was created or changed (status, assignment, clocks, tier, messages, work). Queue
   * dashboards re-read it and place it; `accountId` and `partnerId` (the account's partner) let a
   * customer's or partner's live queues skip what cannot concern them, and delivery be authorised cheaply.
   */
  ticketChanged: { ticketId: string; accountId: string; partnerId: string | null; kind: "CREATED" | "UPDATED"; sequence: number; workspaceId: string };
  /** An SLA alert fired (src/workers/sla-monitor.ts): a warning threshold or the breach. */
  slaAlertFired: { alertId: string; ticketId: string; accountId: string; partnerId: string | null; sequence: number; workspaceId: string };
  /** A remote session or installation was requested, confirmed, done or cancelled. */
  bookingChanged: { bookingId: string; accountId: string; state: "REQUESTED" | "CONFIRMED" | "DONE" | "CANCELLED"; sequence: number; workspaceId: string };
  /** A write took the account's unit balance to or below its low-balance threshold. */
  unitBalanceLow: { accountId: string; alertId: string; sequence: number; workspaceId: string };
}

export type TopicName = keyof Topics;
/** Why a token stopped authenticating. */
export type TokenWithdrawal = "REVOKED" | "PARTNER_DEACTIVATED" | "ACCOUNT_CLOSED";
/** What the outbox relay adds at publication: the sequence and the workspace of the row. */
export type Published = "sequence" | "workspaceId";
/** Topics that only say "what you cached is stale". */
export type SignalTopic = "tierCatalogChanged" | "requestTypesChanged";
