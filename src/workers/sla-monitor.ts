import type { ServiceDeps } from "../db/service-deps.ts";
import { acrossWorkspaces } from "../db/workspace-scope.ts";
import { DueRowLoop, type FiringPass } from "./due-row-loop.ts";

/** An alert counts as late when it goes out more than this after its instant (e.g. the server was down). */
export const LATE_AFTER_MS = 1_000;
const BATCH = 500;

/**
 * Fires SLA alerts at their instants. Pending alerts are rows (src/modules/sla/sla-alert-sync.ts keeps
 * them current inside every ticket write, so a ticket change wakes the loop); the monitor sleeps
 * until the earliest one. A row is fired in the same transaction as its outbox event and claimed
 * with FOR UPDATE SKIP LOCKED, so each alert goes out once even with several instances. What came
 * due while the service was down goes out at start, marked late.
 */
export class SlaMonitor extends DueRowLoop {
  constructor(private readonly deps: ServiceDeps) {
    super({ log: deps.log.child({ worker: "sla monitor" }), bus: deps.bus, now: deps.now, wakeOn: ["ticketChanged"] });
  }

  protected async fireDue(now: Date): Promise<FiringPass> {
    let fired = 0;
    for (;;) {
      const batch = await this.fireBatch(now);
      fired += batch.fired;
      if (batch.fired < BATCH) return { fired, next: batch.next };
    }
  }

  /**
   * Claims due rows, marks them fired and writes their outbox events in ONE statement (so one
   * implicit transaction, one round trip), and reports the next pending instant for the timer.
   */
  private async fireBatch(now: Date): Promise<FiringPass> {
    const at = now.toISOString();
    // Every workspace's alerts: each outbox event is written into its alert's workspace.
    const [result] = await acrossWorkspaces(
      () => this.deps.prisma.$queryRaw<FiringPass[]>`
      WITH due AS (
        SELECT id FROM "SlaAlert"
        WHERE "firedAt" IS NULL AND "fireAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "fireAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
      ), fired AS (
        UPDATE "SlaAlert" AS a
        SET "firedAt" = (${at}::timestamptz AT TIME ZONE 'UTC'),
            late = (${at}::timestamptz AT TIME ZONE 'UTC') - a."fireAt" > ${`${LATE_AFTER_MS} milliseconds`}::interval
        FROM due, "Ticket" AS t, "Account" AS acc
        WHERE a.id = due.id AND t.id = a."ticketId" AND acc.id = t."accountId"
        RETURNING a.id, a."ticketId", t."accountId", acc."partnerId", a."workspaceId"
      ), events AS (
        INSERT INTO "OutboxEvent" (topic, payload, "workspaceId")
        SELECT 'slaAlertFired', jsonb_build_object('alertId', id, 'ticketId', "ticketId", 'accountId', "accountId", 'partnerId', "partnerId"), "workspaceId" FROM fired
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM events)::int AS fired,
             (SELECT min("fireAt") FROM "SlaAlert" WHERE "firedAt" IS NULL AND id NOT IN (SELECT id FROM due)) AS next`,
    );
    if (result!.fired > 0) this.deps.committed();
    return result!;
  }
}
