import type { EntitlementAnswer, Reason } from "../../entitlement/domain/index.ts";
import { NotEntitledError, WrittenChannelRequiredError } from "./intake-errors.ts";

/**
 * Which entitlement reasons refuse a ticket. Blocking reasons not listed here do not:
 * CHANNEL_CLOSED (the clocks count only the target calendar's open time, so they effectively start
 * at its next opening) and OUT_OF_SCOPE (accepted as a PAID_OFFER request without SLA clocks);
 * NOT_SUPPORTED (a type declined outright, 003's outdated or modified products) and
 * UNITS_EXHAUSTED (001: premium is paid in advance) refuse.
 * WRITTEN_CHANNEL_REQUIRED has its own error, naming the written channels to use instead.
 */
export const REFUSING: ReadonlySet<Reason["code"]> = new Set([
  "ACCOUNT_INACTIVE",
  "PAYMENT_OVERDUE",
  "CHANNEL_NOT_IN_TIER",
  "LANGUAGE_NOT_OFFERED",
  "PREMIUM_REQUIRED",
  "UNITS_EXHAUSTED",
  "NOT_SUPPORTED",
]);

/** Decides per reason (see REFUSING): a standard ticket, a paid-offer request, or a typed refusal. */
export function intakeKind(answer: Pick<EntitlementAnswer, "reasons" | "channels">): "STANDARD" | "PAID_OFFER" {
  const blocking = answer.reasons.filter((reason) => reason.blocking);
  const written = blocking.find((reason) => reason.code === "WRITTEN_CHANNEL_REQUIRED");
  if (written)
    throw new WrittenChannelRequiredError(
      written.message,
      answer.channels.filter((c) => c.written).map((c) => c.channel),
    );
  const refusals = blocking.filter((reason) => REFUSING.has(reason.code));
  if (refusals.length) throw new NotEntitledError(refusals);
  return blocking.some((reason) => reason.code === "OUT_OF_SCOPE") ? "PAID_OFFER" : "STANDARD";
}
