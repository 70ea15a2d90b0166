import { DomainError } from "../../../domain/errors.ts";
import type { TierEntitlement } from "../../tier/domain/index.ts";

/**
 * 001: outside business hours a booking needs at least two proposed dates. `suggestedStart` is
 * the first slot of the same length inside the hours after the one proposed, when there is one soon.
 */
export class AtLeastTwoProposalsRequiredError extends DomainError {
  constructor(readonly suggestedStart: number | null) {
    const instead = suggestedStart === null ? "" : `, or propose ${new Date(suggestedStart).toISOString()} (inside the hours)`;
    super("AT_LEAST_TWO_PROPOSALS_REQUIRED", `This slot is outside business hours: propose at least two dates${instead}`, "proposals");
  }
}

/** The account's effective tier lacks the entitlement a booking needs; `offeredBy` are the paid levels that have it. */
export class PremiumRequiredError extends DomainError {
  constructor(
    readonly entitlement: TierEntitlement,
    readonly offeredBy: readonly string[],
    message: string,
  ) {
    super("PREMIUM_REQUIRED", message, "customerNumber");
  }
}
