import type { Tx } from "../events/outbox.ts";
import type { DatedJobKind } from "../generated/prisma/client.ts";

/** A claimed job, as the worker hands it to its kind's handler. */
export interface DatedJobRow {
  id: bigint;
  kind: DatedJobKind;
  subjectId: string;
  dueAt: Date;
  attempts: number;
}

/**
 * Makes `kind` of work on `subjectId` due at `dueAt`, inside the transaction that makes it due.
 * Idempotent: the same job written twice is one row.
 */
export async function scheduleJob(tx: Tx, kind: DatedJobKind, subjectId: string, dueAt: Date): Promise<void> {
  await tx.datedJob.createMany({ data: [{ kind, subjectId, dueAt }], skipDuplicates: true });
}
