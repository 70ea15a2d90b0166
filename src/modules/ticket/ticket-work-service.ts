import { v7 as uuid7 } from "uuid";
import { canWorkTicket } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { ForbiddenError } from "../../domain/errors.ts";
import { idempotencyKey, unitsForMinutes } from "../ledger/domain/index.ts";
import { intakeInput } from "./domain/index.ts";
import { enqueue } from "../../events/outbox.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { actorOf } from "../account/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import type { LedgerService } from "../ledger/index.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { idempotently, LOCKED_TRANSACTION, replayOf } from "../../db/write-kernel.ts";
import { requestHash } from "../../db/request-hash.ts";
import { recordTicketEvent, visibleTicket } from "./ticket-access.ts";

type Query = { select?: Prisma.TicketWorkLogSelect; include?: Prisma.TicketWorkLogInclude };
const MAX_NOTE = 2_000;

export interface TicketWorkLogInput {
  ticketId: string;
  minutes: number;
  note: string;
  idempotencyKey: string;
}

/** Agents' time on a ticket; on a unit-based tier each log debits ⌈minutes / 15⌉ prepaid units in the same transaction. */
export class TicketWorkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly ledger: LedgerService,
  ) {}

  async log(viewer: Viewer, input: TicketWorkLogInput, query: Query = {}) {
    if (!canWorkTicket(viewer)) throw new ForbiddenError("Only agents log work");
    unitsForMinutes(input.minutes, "minutes");
    const note = intakeInput.text("note", input.note, MAX_NOTE);
    const key = idempotencyKey("idempotencyKey", input.idempotencyKey);
    const ticket = await visibleTicket(this.deps.prisma, viewer, input.ticketId);
    const hash = requestHash("TICKET_WORK_LOG", { minutes: input.minutes, note });
    const replay = replayOf(
      hash,
      (db) =>
        db.ticketWorkLog.findUnique({
          where: { ticketId_idempotencyKey: { ticketId: ticket.id, idempotencyKey: key } },
          select: { id: true, requestHash: true },
        }),
      (existing, db) => db.ticketWorkLog.findUniqueOrThrow({ ...selection(query), where: { id: existing.id } }),
    );
    const actor = actorOf(viewer);
    const now = this.deps.now();
    return idempotently(this.deps.prisma, replay, () =>
      this.deps.transaction(async (tx) => {
        const id = uuid7();
        const debit = ticket.tier?.unitBased
          ? await this.ledger.debitWork(tx, {
              accountId: ticket.accountId,
              minutes: input.minutes,
              ticketId: ticket.id,
              workLogId: id,
              idempotencyKey: `work:${id}`,
              actor,
            })
          : null;
        const log = await tx.ticketWorkLog.create({
          ...selection(query),
          data: {
            id,
            ticketId: ticket.id,
            agentId: actor,
            minutes: input.minutes,
            note,
            unitsDebited: debit ? -debit.entry.units : null,
            ledgerEntryId: debit?.entry.id ?? null,
            idempotencyKey: key,
            requestHash: hash,
            createdAt: now,
          },
        });
        await recordTicketEvent(tx, ticket.id, "WORK_LOGGED", actor, now, {
          workLogId: id,
          minutes: input.minutes,
          unitsDebited: debit ? -debit.entry.units : null,
        });
        await enqueue(tx, "ticketChanged", { ticketId: ticket.id, accountId: ticket.accountId, partnerId: ticket.account.partnerId, kind: "UPDATED" });
        return log;
      }, LOCKED_TRANSACTION),
    );
  }
}
