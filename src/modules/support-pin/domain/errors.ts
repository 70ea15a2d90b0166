import { DomainError } from "../../../domain/errors.ts";

/** Too many wrong PINs: verification is refused until `lockedUntil` (epoch ms). */
export class PinLockedError extends DomainError {
  constructor(readonly lockedUntil: number) {
    super("PIN_LOCKED", `Too many wrong support PINs: verification is locked until ${new Date(lockedUntil).toISOString()}`, "pin");
  }
}
