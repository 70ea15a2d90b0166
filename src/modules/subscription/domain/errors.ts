import { DomainError } from "../../../domain/errors.ts";

/** 000: a paid level cannot be paused; cancelling monthly and booking again is the way. */
export class PauseNotSupportedError extends DomainError {
  constructor() {
    super(
      "PAUSE_NOT_SUPPORTED",
      "A support level cannot be paused. Cancel it instead (tierSubscriptionCancel with confirm: true): it runs to the end of the paid month, and you can book it again any month (tierSubscribe).",
    );
  }
}
