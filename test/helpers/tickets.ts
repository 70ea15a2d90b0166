import { expect } from "vitest";
import { dataOf } from "./gql.ts";
import type { TestApp } from "./test-app.ts";

export const TICKET_FIELDS = `id number status kind paidOffer channel language subject createdAt nextDueAt atRiskAt assigneeId teamId
  priority { rank label } tier { code } requestType { code }
  intakeReasons { code blocking }
  missingInformation { key } providedInformation flags
  slaClocks { kind state startedAt dueAt metAt remainingBusinessMinutes elapsedBusinessMinutes elapsedFraction guaranteed breached calendar { id name } }`;

const COMMON_ERRORS = `... on Error { code message } ... on ValidationError { field } ... on NotFoundError { field } ... on ConflictError { field }`;
const INTAKE_ERRORS = `${COMMON_ERRORS}
  ... on IdempotencyKeyReusedError { field }
  ... on NotEntitledError { field reasons { code } }
  ... on WrittenChannelRequiredError { field writtenChannels }
  ... on TooEarlyToEscalateError { field allowedAt }`;
const TRANSITION_ERRORS = `${COMMON_ERRORS} ... on InvalidTransitionError { status }`;
/** Mutations whose result has no InvalidTransitionError member. */
const WITHOUT_TRANSITIONS = new Set(["ticketAssign", "ticketTierChange"]);

export const TICKET_CREATE = `mutation($input: TicketCreateInput!) {
  ticketCreate(input: $input) { __typename ... on TicketCreateSuccess { ticket { ${TICKET_FIELDS} } } ${INTAKE_ERRORS} }
}`;

/** A ticket mutation's result (success with `ticket`, or an error) by the mutation's name. */
export function ticketMutation(name: string, inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`) {
  return `mutation($input: ${inputType}!) {
    ${name}(input: $input) { __typename ... on ${name[0]!.toUpperCase()}${name.slice(1)}Success { ticket { ${TICKET_FIELDS} } } ${WITHOUT_TRANSITIONS.has(name) ? COMMON_ERRORS : TRANSITION_ERRORS} }
  }`;
}

export interface TicketInput {
  customerNumber: string;
  channel?: string;
  requestTypeCode?: string;
  subject?: string;
  body?: string;
  [key: string]: unknown;
}

const defaults = (input: TicketInput) => ({
  channel: "EMAIL",
  requestTypeCode: "USAGE_QUESTION",
  subject: "Export fails",
  body: "The CSV export stops at 80 %.",
  ...input,
});

/** ticketCreate's result, whatever its type. */
export async function tryCreateTicket(t: TestApp, input: TicketInput, token?: string) {
  return dataOf(await t.gql(TICKET_CREATE, { input: defaults(input) }, token)).ticketCreate;
}

/** Creates a ticket and returns it; fails unless it succeeded. */
export async function createTicket(t: TestApp, input: TicketInput, token?: string) {
  const result = await tryCreateTicket(t, input, token);
  expect(result.__typename, JSON.stringify(result)).toBe("TicketCreateSuccess");
  return result.ticket;
}

/** Runs a ticket mutation and returns its result, whatever its type. */
export async function ticketDo(t: TestApp, name: string, input: Record<string, unknown>, token?: string) {
  return dataOf(await t.gql(ticketMutation(name), { input }, token))[name];
}

/** Runs a ticket mutation that must succeed and returns the ticket. */
export async function ticketDone(t: TestApp, name: string, input: Record<string, unknown>, token?: string) {
  const result = await ticketDo(t, name, input, token);
  expect(result.__typename, JSON.stringify(result)).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Success`);
  return result.ticket;
}

export const TICKET = `query($id: ID!, $at: DateTime) { ticket(id: $id) { ${TICKET_FIELDS} clocksAt: slaClocks(at: $at) { kind state remainingBusinessMinutes } } }`;

export async function readTicket(t: TestApp, id: string, token?: string, at?: string) {
  return dataOf(await t.gql(TICKET, { id, at }, token)).ticket;
}

/** The clock of one kind. */
export const clockOf = (ticket: { slaClocks: { kind: string }[] }, kind = "FIRST_RESPONSE") => ticket.slaClocks.find((clock) => clock.kind === kind) as any;
