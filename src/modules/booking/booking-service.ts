import { canRequestBooking, canScheduleBooking } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import * as input from "./domain/booking-input.ts";
import { bookingTier, debitsUnits } from "./domain/booking-entitlement.ts";
import { checkBookingWindow, proposedSlots } from "./domain/booking-slots.ts";
import { type BookingAction, type BookingKind, type BookingState, bookingTransition, OPEN_BOOKING_STATES } from "./domain/booking-state.ts";
import { applyHoursRule, sessionCalendarId } from "./domain/business-hours.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import { idempotencyKey } from "../ledger/domain/index.ts";
import { InsufficientUnitsError } from "../ledger/domain/index.ts";
import { enqueue, type Tx } from "../../events/outbox.ts";
import type { Booking, Prisma } from "../../generated/prisma/client.ts";
import { actorOf, requireAccount } from "../account/index.ts";
import { proposalsJson, snapshotOf } from "./booking-rows.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import type { EntitlementService } from "../entitlement/index.ts";
import type { LedgerService } from "../ledger/index.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { requestHash } from "../../db/request-hash.ts";
import { scopeWhere } from "../../db/scope-where.ts";
import { type Replay, replayOf } from "../../db/write-kernel.ts";

type Query = { select?: Prisma.BookingSelect; include?: Prisma.BookingInclude };

export interface BookingRequestInput {
  customerNumber: string;
  /** proposed starts, most preferred first */
  proposals: readonly Date[];
  durationMinutes: number;
  product?: string | null;
  note?: string | null;
  idempotencyKey: string;
}

export interface BookingConfirmInput {
  id: string;
  /** index into the booking's proposals */
  proposal: number;
}

export interface BookingCompleteInput {
  id: string;
  /** required for unit-based tiers: debited as units of 15 minutes */
  workedMinutes?: number | null;
}

export interface BookingCancelInput {
  id: string;
  reason?: string | null;
}

export interface BookingFilter {
  customerNumber?: string | null;
  state?: readonly BookingState[] | null;
  kind?: BookingKind | null;
}

/** The outcome of a booking request. */
export interface BookingWrite {
  booking: Booking;
  /** True when the idempotency key had been used for this request before: nothing new was written. */
  replayed: boolean;
}

const WITH_ACCOUNT = { account: { select: { id: true, partnerId: true } } } as const;

/**
 * Remote sessions and installations (001): requested with proposed slots by whoever may see the
 * account, confirmed and completed by staff. Every write locks the account row (shared with the
 * ledger, which completion may debit) and enqueues `bookingChanged`.
 */
export class BookingService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: { entitlements: EntitlementService; ledger: LedgerService },
  ) {}

  /** A new booking, or on a replay of the idempotency key the one the key created. */
  async request(viewer: Viewer, kind: BookingKind, data: BookingRequestInput): Promise<BookingWrite> {
    const key = idempotencyKey("idempotencyKey", data.idempotencyKey);
    const slots = proposedSlots(
      data.proposals.map((start) => start.getTime()),
      data.durationMinutes,
    );
    const product = input.product("product", data.product);
    const note = input.note("note", data.note);
    const account = await requireAccount(this.deps.prisma, viewer, data.customerNumber);
    const hash = requestHash(kind, { proposals: slots.map((slot) => slot.start).join(","), durationMinutes: data.durationMinutes, product, note });
    const replay = replayOf(
      hash,
      (db) => db.booking.findUnique({ where: { accountId_idempotencyKey: { accountId: account.id, idempotencyKey: key } } }),
      (booking): BookingWrite => ({ booking, replayed: true }),
    );
    const earlier = await replay(this.deps.prisma);
    if (earlier) return earlier;

    const at = this.deps.now();
    checkBookingWindow(slots, at.getTime());
    if (account.status === "CLOSED") throw new ValidationError("customerNumber", `${account.customerNumber} is closed and cannot book sessions`);
    const effective = await this.parts.entitlements.effectiveTier(account, at);
    const tier = bookingTier(kind, effective, effective.catalog, account.customerNumber);
    const calendarId = sessionCalendarId(tier);
    const proposals = applyHoursRule(slots, calendarId === null ? null : (effective.calendars.get(calendarId) ?? null), at.getTime());

    return this.locked(account.id, replay, async (tx) => {
      if (kind === "INSTALLATION") await assertNoOpenInstallation(tx, account.id, product);
      const booking = await tx.booking.create({
        data: {
          accountId: account.id,
          kind,
          tierId: tier.id,
          proposals: proposalsJson(proposals),
          durationMinutes: data.durationMinutes,
          product,
          note,
          idempotencyKey: key,
          requestHash: hash,
          createdBy: actorOf(viewer),
          createdAt: at,
          updatedAt: at,
        },
      });
      await enqueue(tx, "bookingChanged", { bookingId: booking.id, accountId: account.id, state: "REQUESTED" });
      return { booking, replayed: false };
    });
  }

  /** Staff pick one of the proposals. */
  async confirm(viewer: Viewer, data: BookingConfirmInput, query: Query = {}) {
    if (!canScheduleBooking(viewer)) throw new ForbiddenError("Only staff confirm bookings");
    return this.transition(viewer, data.id, { event: "confirm", proposal: data.proposal }, query, async () => ({}));
  }

  /** Staff record the session as done; for a unit-based tier the minutes worked are debited in the same transaction (never for an installation). */
  async complete(viewer: Viewer, data: BookingCompleteInput, query: Query = {}) {
    if (!canScheduleBooking(viewer)) throw new ForbiddenError("Only staff complete bookings");
    const workedMinutes = data.workedMinutes == null ? null : input.workedMinutes("workedMinutes", data.workedMinutes);
    return this.transition(viewer, data.id, { event: "complete" }, query, async (tx, booking) => {
      const tier = await tx.tier.findUniqueOrThrow({ where: { id: booking.tierId }, select: { code: true, unitBased: true } });
      if (!debitsUnits(booking.kind, tier)) return { workedMinutes };
      if (workedMinutes === null) throw new ValidationError("workedMinutes", `${tier.code} is paid in units: workedMinutes is required`);
      const debit = await this.debit(tx, viewer, booking, workedMinutes);
      return { workedMinutes, unitEntryId: debit };
    });
  }

  async cancel(viewer: Viewer, data: BookingCancelInput, query: Query = {}) {
    const cancellationReason = input.cancellationReason("reason", data.reason);
    return this.transition(viewer, data.id, { event: "cancel" }, query, async () => ({ cancellationReason }));
  }

  /** A booking just written, read with `query` (the Booking node authorises it). */
  reread(id: string, query: Query = {}) {
    return this.deps.prisma.booking.findUniqueOrThrow({ ...selection(query), where: { id } });
  }

  /** Oldest request first: first come, first served. */
  async list(viewer: Viewer, filter: BookingFilter, query: Prisma.BookingFindManyArgs) {
    return this.deps.prisma.booking.findMany({ ...selection(query), where: await this.where(viewer, filter), orderBy: { id: "asc" } });
  }

  async count(viewer: Viewer, filter: BookingFilter) {
    return this.deps.prisma.booking.count({ where: await this.where(viewer, filter) });
  }

  private async where(viewer: Viewer, filter: BookingFilter): Promise<Prisma.BookingWhereInput> {
    const account = filter.customerNumber ? await requireAccount(this.deps.prisma, viewer, filter.customerNumber) : null;
    return {
      AND: [
        scopeWhere(viewer, "account"),
        account ? { accountId: account.id } : {},
        filter.state?.length ? { state: { in: [...filter.state] } } : {},
        filter.kind ? { kind: filter.kind } : {},
      ],
    };
  }

  /**
   * Applies `action` under the account lock; `more` adds what the step records (and may write
   * elsewhere in the same transaction). Re-reads the booking with `query` once committed.
   */
  private async transition(
    viewer: Viewer,
    id: string,
    action: BookingAction,
    query: Query,
    more: (tx: Tx, booking: Booking) => Promise<Prisma.BookingUncheckedUpdateInput>,
  ) {
    const current = await this.deps.prisma.booking.findUnique({ where: { id }, include: WITH_ACCOUNT });
    if (!current || !canRequestBooking(viewer, current.account)) throw new NotFoundError("id", "No booking with this id");
    const at = this.deps.now();
    await this.locked(current.accountId, null, async (tx) => {
      const booking = await tx.booking.findUniqueOrThrow({ where: { id } });
      const change = bookingTransition(snapshotOf(booking), action, at.getTime());
      const recorded = await more(tx, booking);
      await tx.booking.update({
        where: { id },
        data: {
          state: change.state,
          confirmedStart: change.confirmed && new Date(change.confirmed.start),
          confirmedEnd: change.confirmed && new Date(change.confirmed.end),
          [STAMP[action.event]]: at,
          updatedAt: at,
          ...recorded,
        },
      });
      await enqueue(tx, "bookingChanged", { bookingId: id, accountId: booking.accountId, state: change.state });
    });
    return this.reread(id, query);
  }

  /** The WORK_DEBIT entry for a completed session; the booking is its work log, so it is debited at most once. */
  private async debit(tx: Tx, viewer: Viewer, booking: Booking, minutes: number): Promise<string> {
    try {
      const write = await this.parts.ledger.debitWork(tx, {
        accountId: booking.accountId,
        minutes,
        workLogId: booking.id,
        idempotencyKey: `booking:${booking.id}`,
        actor: actorOf(viewer),
      });
      return write.entry.id;
    } catch (error) {
      if (error instanceof InsufficientUnitsError) throw new InsufficientUnitsError(error.balance, error.shortfall, "workedMinutes");
      throw error;
    }
  }

  /** Runs `fn` under the account's row lock; the one-open-installation index backs the check inside. */
  private locked<T>(accountId: string, replay: Replay<T> | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.deps.withAccountLock(accountId, fn, {
      replay,
      conflict: { index: "Booking_one_open_installation", field: "product", message: OPEN_INSTALLATION },
    });
  }
}

const STAMP = { confirm: "confirmedAt", complete: "completedAt", cancel: "cancelledAt" } as const;
const OPEN_INSTALLATION = "A booking covers one installation: this product already has an open installation booking";

/** `text` matched as itself by Prisma's case-insensitive `equals` (an ILIKE): `%`, `_` and `\` are not wildcards or escapes. */
const literal = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** 001: a booking covers one installation; another one for the same product waits until that one is done or cancelled. */
async function assertNoOpenInstallation(tx: Tx, accountId: string, product: string | null): Promise<void> {
  const open = await tx.booking.findFirst({
    where: {
      accountId,
      kind: "INSTALLATION",
      state: { in: [...OPEN_BOOKING_STATES] },
      product: product === null ? null : { equals: literal(product), mode: "insensitive" },
    },
    select: { id: true },
  });
  if (open) throw new ConflictError("product", OPEN_INSTALLATION);
}
