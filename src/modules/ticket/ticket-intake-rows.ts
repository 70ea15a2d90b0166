import type { Ticket, SlaClock } from "../../generated/prisma/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type ClockState, clockSummary, type Engines, slaClockOf, type TicketStatus } from "./domain/index.ts";
import { outboxRow } from "../../events/outbox.ts";
import type { AccountWithLevel } from "../account/index.ts";
import type { Entitlement } from "../entitlement/index.ts";
import { type Insert, rowsOf } from "../../db/insert-rows.ts";
import { pendingAlerts } from "../sla/index.ts";
import type { TicketQuery } from "./ticket-change.ts";
import { CURRENT_CLOCKS, clockColumns } from "./ticket-clocks.ts";
import type { IntakeRequest } from "./ticket-intake-request.ts";
import { v7 as uuid7 } from "uuid";

/** What intake decided about a new ticket. */
export interface IntakeDecision {
  request: IntakeRequest;
  account: AccountWithLevel;
  answer: Entitlement;
  kind: "STANDARD" | "PAID_OFFER";
  status: TicketStatus;
  missing: string[];
  states: ClockState[];
  engines: Engines;
  actor: string;
  now: Date;
}

/**
 * Every row a new ticket writes — the ticket, its attachments, clocks, pending alerts, history line
 * and outbox event — for one insertRows() statement, and the ticket as Prisma would read it back.
 */
export function intakeRows(decision: IntakeDecision): { inserts: Insert[]; ticket: Ticket & { clocks: SlaClock[]; account: AccountWithLevel } } {
  const { request, account, answer, kind, status, states, engines, actor, now } = decision;
  const at = now.getTime();
  const id = uuid7();
  const tier = answer.tier;
  const ticket: Omit<Ticket, "number"> = {
    id,
    workspaceId: account.workspaceId,
    accountId: account.id,
    tierId: tier?.id ?? null,
    priorityRank: answer.priority?.rank ?? 0,
    priorityLabel: answer.priority?.label ?? "none",
    channel: request.channel,
    language: answer.language,
    requestTypeId: answer.requestTypeId,
    subject: request.subject,
    body: request.body,
    status,
    kind,
    intakeReasons: jsonOf(answer.reasons),
    flags: request.flags,
    providedInformation: request.providedInformation,
    missingInformation: decision.missing,
    assigneeId: null,
    teamId: null,
    createdBy: actor,
    idempotencyKey: request.idempotency?.key ?? null,
    requestHash: request.idempotency?.hash ?? null,
    ...clockSummary(states, engines, at),
    solvedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const clocks: SlaClock[] = states.map((state) => ({
    ...clockColumns(state, engines, at),
    pauses: jsonOf(state.history.pauses),
    workspaceId: account.workspaceId,
    ticketId: id,
    replacedAt: null,
    createdAt: now,
  }));
  const alerts = pendingAlerts(states.map((state) => ({ id: state.id, clock: slaClockOf(state, engines), thresholds: state.target.thresholds })));
  const history = { kind: "CREATED", actor, at: now, data: jsonOf({ to: status, basis: answer.basis, tierCode: tier?.code ?? null, reasons: answer.reasons }) };
  const inserts = [
    rowsOf("Ticket", [ticket]),
    rowsOf(
      "TicketAttachment",
      request.attachments.map((attachment) => ({ id: uuid7(), ticketId: id, ...attachment })),
    ),
    rowsOf("SlaClock", clocks),
    rowsOf(
      "SlaAlert",
      alerts.map((alert) => ({ id: uuid7(), ticketId: id, ...alert })),
    ),
    rowsOf("TicketEvent", [{ id: uuid7(), ticketId: id, ...history }]),
    rowsOf("OutboxEvent", [outboxRow("ticketChanged", { ticketId: id, accountId: account.id, partnerId: account.partnerId, kind: "CREATED" })]),
  ];
  return { inserts, ticket: { ...ticket, number: 0, clocks, account } };
}

/** Plain data (no Dates, no undefined) stands for a JSON column as read back, with no copy. */
const jsonOf = (value: unknown) => value as Prisma.JsonValue;

const TICKET_COLUMNS: ReadonlySet<string> = new Set(Object.values(Prisma.TicketScalarFieldEnum));
/** The relations intake has in hand: their columns, and the arguments they are asked with. */
const IN_HAND: Record<string, { columns: ReadonlySet<string>; args: string }> = {
  clocks: { columns: new Set(Object.values(Prisma.SlaClockScalarFieldEnum)), args: JSON.stringify(CURRENT_CLOCKS) },
  account: { columns: new Set(Object.values(Prisma.AccountScalarFieldEnum)), args: "{}" },
};

/** Whether a new ticket's columns, current clocks and account are all `query` asks for (else it is read back). */
export function answeredInHand(query: TicketQuery): boolean {
  const asked = query.select ?? query.include;
  if (!asked) return true;
  return Object.entries(asked).every(([key, value]) => {
    if (!value || TICKET_COLUMNS.has(key)) return true;
    const relation = IN_HAND[key];
    if (!relation || value === true) return relation !== undefined;
    const { select, ...args } = value as { select?: Record<string, unknown> };
    return (!select || Object.entries(select).every(([column, wanted]) => !wanted || relation.columns.has(column))) && JSON.stringify(args) === relation.args;
  });
}
