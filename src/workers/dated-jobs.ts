import type { Tx } from "../events/outbox.ts";
import type { TopicName } from "../events/topics.ts";
import type { DatedJobKind } from "../generated/prisma/client.ts";
import type { ServiceDeps } from "../db/service-deps.ts";
import type { DatedJobRow } from "../db/dated-job-rows.ts";
import { DueRowLoop, type FiringPass } from "./due-row-loop.ts";
import type { Services } from "../modules/registry.ts";
import { acrossWorkspaces } from "../db/workspace-scope.ts";
import { LOCKED_TRANSACTION } from "../db/write-kernel.ts";

export interface DatedJobHandler {
  /** The event every write of this kind's jobs publishes: it may bring an earlier one. */
  wakeOn: TopicName;
  /** Does the job inside the transaction that claimed it and marks it done; `now` ≥ its dueAt. */
  run(tx: Tx, job: DatedJobRow, now: Date): Promise<void>;
}

/** A failed job is tried again after this, doubling per failure up to an hour. */
const RETRY_MS = 60_000;
const MAX_RETRY_MS = 3_600_000;

/**
 * Does dated work at its instant while the service runs (a period end, …). Jobs are rows written
 * with the change that makes them due (src/db/dated-job-rows.ts); each is claimed with FOR
 * UPDATE SKIP LOCKED and marked done in the same transaction as its effect, so it happens exactly
 * once across restarts and instances. A failure rolls its effect back and moves the job later.
 */
export class DatedJobs extends DueRowLoop {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly handlers: Record<DatedJobKind, DatedJobHandler>,
  ) {
    super({ log: deps.log.child({ worker: "dated jobs" }), bus: deps.bus, now: deps.now, wakeOn: [...new Set(Object.values(handlers).map((h) => h.wakeOn))] });
  }

  /** Jobs of every workspace: each handler writes inside its subject's workspace. */
  protected fireDue(now: Date): Promise<FiringPass> {
    return acrossWorkspaces(() => this.fireAllDue(now));
  }

  private async fireAllDue(now: Date): Promise<FiringPass> {
    let fired = 0;
    for (let outcome = await this.fireOne(now); outcome !== "NONE_DUE"; outcome = await this.fireOne(now)) {
      if (outcome === "DONE") fired++;
    }
    const [pending] = await this.deps.prisma.$queryRaw<{ next: Date | null }[]>`
      SELECT min("dueAt") AS next FROM "DatedJob" WHERE "doneAt" IS NULL AND "dueAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    return { fired, next: pending?.next ?? null };
  }

  /** Claims the earliest due job, does it and marks it done, all in one transaction. */
  private async fireOne(now: Date): Promise<"DONE" | "FAILED" | "NONE_DUE"> {
    const at = now.toISOString();
    let claimed: DatedJobRow | undefined;
    try {
      return await this.deps.transaction(async (tx) => {
        [claimed] = await tx.$queryRaw<DatedJobRow[]>`
          UPDATE "DatedJob" SET "doneAt" = (${at}::timestamptz AT TIME ZONE 'UTC')
          WHERE id = (
            SELECT id FROM "DatedJob" WHERE "doneAt" IS NULL AND "dueAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
            ORDER BY "dueAt", id LIMIT 1 FOR UPDATE SKIP LOCKED
          )
          RETURNING id, kind, "subjectId", "dueAt", attempts`;
        if (!claimed) return "NONE_DUE";
        await this.handlers[claimed.kind].run(tx, claimed, now);
        return "DONE";
      }, LOCKED_TRANSACTION); // a job may queue behind the row locks of the writes it touches (an account's lock)
    } catch (error) {
      if (!claimed) throw error;
      this.log.error({ err: error, kind: claimed.kind, subjectId: claimed.subjectId }, "dated job failed; it is tried again later");
      const retryMs = Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** claimed.attempts);
      await this.deps.prisma.$executeRaw`
        UPDATE "DatedJob" SET attempts = attempts + 1, "lastError" = ${String(error)},
          "dueAt" = (${at}::timestamptz AT TIME ZONE 'UTC') + ${`${retryMs} milliseconds`}::interval
        WHERE id = ${claimed.id} AND "doneAt" IS NULL`;
      return "FAILED";
    }
  }
}

/** The worker with a handler for every kind of dated job. */
export function createDatedJobs(deps: ServiceDeps, services: Services): DatedJobs {
  return new DatedJobs(deps, {
    TIER_PERIOD_END: {
      wakeOn: "tierSubscriptionChanged",
      run: async (tx, job, now) => {
        // What the roll writes (history, outbox) belongs to the subscription's workspace.
        await tx.$queryRaw`SELECT set_config('app.workspace_id', "workspaceId", true) FROM "TierSubscription" WHERE id = ${job.subjectId}`;
        return services.tierSubscriptions.rollAtPeriodEnd(tx, job.subjectId, now);
      },
    },
  });
}
