import type { Viewer } from "../../auth/viewer.ts";
import { DomainError, ValidationError } from "../../domain/errors.ts";
import type { InformationCondition } from "../request-type/domain/index.ts";
import {
  assertEscalationAllowed,
  ESCALATION_CHANNELS,
  isTicketFlag,
  applyEffects,
  type ClockTarget,
  clockTargetsOf,
  intakeKind,
  missingInformation,
  newClock,
  slaClockOf,
  OPEN_TICKET_STATUSES,
  ticketCreation,
} from "./domain/index.ts";
import type { SupportChannel } from "../tier/domain/index.ts";
import { type AccountWithLevel, actorOf, requireAccountWithLevel } from "../account/index.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import type { EntitlementService } from "../entitlement/index.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { insertRows } from "../../db/insert-rows.ts";
import { idempotently, replayOf } from "../../db/write-kernel.ts";
import { CURRENT_CLOCKS, enginesFor, newClockId, stateOf } from "./ticket-clocks.ts";
import { type IntakeRequest, normalise, type TicketCreateInput } from "./ticket-intake-request.ts";
import { answeredInHand, intakeRows } from "./ticket-intake-rows.ts";
import type { TicketChanges, TicketQuery } from "./ticket-change.ts";
import { unchanged } from "./ticket-change.ts";

export type { TicketCreateInput };

const UNIQUE_KEY = "Ticket_accountId_idempotencyKey_key";

/** Opening tickets, with the entitlement answer applied, and completing their required information. */
export class TicketIntakeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: { entitlements: EntitlementService; calendars: CalendarService; changes: TicketChanges },
  ) {}

  async create(viewer: Viewer, input: TicketCreateInput, query: TicketQuery = {}) {
    const request = normalise(input);
    const account = await requireAccountWithLevel(this.deps.sql, viewer, input.customerNumber);
    const { idempotency } = request;
    const replay =
      idempotency &&
      replayOf(
        idempotency.hash,
        (db) =>
          db.ticket.findUnique({
            where: { accountId_idempotencyKey: { accountId: account.id, idempotencyKey: idempotency.key } },
            select: { id: true, requestHash: true },
          }),
        (existing, db) => db.ticket.findUniqueOrThrow({ ...selection(query), where: { id: existing.id } }),
      );
    // the same key racing in from another request is answered as a replay would
    return idempotently(this.deps.prisma, replay, () => this.open(viewer, request, account, query), UNIQUE_KEY);
  }

  private async open(viewer: Viewer, request: IntakeRequest, account: AccountWithLevel, query: TicketQuery) {
    const now = this.deps.now();
    const at = now.getTime();
    const answer = await this.parts.entitlements
      .evaluate(
        viewer,
        { customerNumber: account.customerNumber, channel: request.channel, language: request.language, requestTypeCode: request.requestTypeCode, at: now },
        account,
      )
      .catch(renaming("requestType", "requestTypeCode"));
    const kind = intakeKind(answer);
    if (kind === "STANDARD" && ESCALATION_CHANNELS.includes(request.channel))
      await this.assertEscalationAllowed(account.id, answer.requestTypeId, request.channel, at);

    // the answer keeps OUTSIDE_SUPPORT_HOURS and INCLUDED_LEVEL items only when their condition holds
    const decided = answer.requiredInformation.flatMap((item) => (item.when && !isTicketFlag(item.when) ? [item.when] : []));
    const conditions: InformationCondition[] = [...request.flags, ...decided];
    const lacking = missingInformation(answer.checklist, request.providedInformation, conditions);
    const missing = kind === "STANDARD" ? lacking : [];

    const tier = answer.tier;
    const targets: ClockTarget[] = kind === "STANDARD" && tier ? clockTargetsOf(tier) : [];
    const engines = await enginesFor(
      this.parts.calendars,
      targets.map((target) => target.calendarId),
    );
    const creation = ticketCreation(
      targets.map((target) => target.kind),
      missing.length === 0,
    );
    const { states } = applyEffects(
      targets.map((target) => newClock(newClockId(), target)),
      creation.effects,
      at,
      newClockId,
    );

    const { inserts, ticket } = intakeRows({
      request,
      account,
      answer,
      kind,
      status: creation.status,
      missing: missing.map((item) => item.key),
      states,
      engines,
      actor: actorOf(viewer),
      now,
    });
    const [inserted] = await insertRows<{ number: number }>(this.deps.sql, inserts, ["number"]);
    this.deps.committed();
    if (!answeredInHand(query)) return await this.deps.prisma.ticket.findUniqueOrThrow({ ...selection(query), where: { id: ticket.id } });
    return { ...ticket, number: inserted!.number };
  }

  /**
   * Completes checklist items; when nothing is missing any more, an AWAITING_INFORMATION ticket
   * becomes NEW and its clocks start at this moment.
   */
  informationProvide(viewer: Viewer, input: { ticketId: string; keys: readonly string[] }, query: TicketQuery = {}) {
    const { changes } = this.parts;
    return changes.apply(
      viewer,
      input.ticketId,
      (context) => {
        const { ticket } = context;
        const keys = [...new Set(input.keys)];
        const known = new Set([...ticket.providedInformation, ...ticket.missingInformation]);
        keys.forEach((key, i) => {
          if (!known.has(key)) throw new ValidationError(`keys.${i}`, `keys.${i} "${key}" is not on the ticket's checklist`);
        });
        const provided = [...new Set([...ticket.providedInformation, ...keys])];
        const missing = ticket.missingInformation.filter((key) => !keys.includes(key));
        const data = { providedInformation: provided, missingInformation: missing };
        const history = { kind: "INFORMATION_PROVIDED", data: { keys } };
        if (ticket.status !== "AWAITING_INFORMATION" || missing.length > 0) return { ...unchanged(context), data, history };
        return { ...changes.transition("informationCompleted", { data })(context), history };
      },
      { staffOnly: false },
      query,
    );
  }

  /** 004: a chat or phone contact about a matter with an open ticket waits for that ticket's first response. */
  private async assertEscalationAllowed(accountId: string, requestTypeId: string, channel: SupportChannel, at: number) {
    const open = await this.deps.prisma.ticket.findMany({
      where: { accountId, requestTypeId, kind: "STANDARD", status: { in: [...OPEN_TICKET_STATUSES] } },
      select: { clocks: { ...CURRENT_CLOCKS, where: { replacedAt: null, kind: "FIRST_RESPONSE" } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const clocks = open.flatMap((ticket) => ticket.clocks.map(stateOf));
    const engines = await enginesFor(
      this.parts.calendars,
      clocks.map((clock) => clock.target.calendarId),
    );
    for (const clock of clocks) assertEscalationAllowed(channel, slaClockOf(clock, engines), at);
  }
}

/** Rethrows a domain error about `from` (the entitlement question's name) as one about `to` (this input's). */
function renaming(from: string, to: string) {
  return (error: unknown): never => {
    if (error instanceof DomainError && error.field === from) Object.defineProperty(error, "field", { value: to });
    throw error;
  };
}
