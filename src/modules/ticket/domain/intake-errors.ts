import type { Reason } from "../../entitlement/domain/index.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { SupportChannel } from "../../tier/domain/index.ts";

/** The entitlement answer refused the request; `reasons` are its blocking reasons. Nothing was written. */
export class NotEntitledError extends DomainError {
  constructor(readonly reasons: readonly Reason[]) {
    super("NOT_ENTITLED", reasons.map((reason) => reason.message).join("; ") || "Not entitled to support for this request", fieldOf(reasons));
  }
}

/** 004: a written-only request (refund, account unlock, …) arrived on a spoken channel. */
export class WrittenChannelRequiredError extends DomainError {
  constructor(
    message: string,
    /** the tier's written channels the customer may use instead */
    readonly writtenChannels: readonly SupportChannel[],
  ) {
    super("WRITTEN_CHANNEL_REQUIRED", message, "channel");
  }
}

const FIELD: Partial<Record<Reason["code"], string>> = {
  CHANNEL_NOT_IN_TIER: "channel",
  LANGUAGE_NOT_OFFERED: "language",
  PREMIUM_REQUIRED: "requestTypeCode",
  OUT_OF_SCOPE: "requestTypeCode",
  NOT_SUPPORTED: "requestTypeCode",
  UNITS_EXHAUSTED: "customerNumber",
  ACCOUNT_INACTIVE: "customerNumber",
};

function fieldOf(reasons: readonly Reason[]): string | undefined {
  return reasons.map((reason) => FIELD[reason.code]).find((field) => field !== undefined);
}
