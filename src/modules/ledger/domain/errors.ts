import { DomainError } from "../../../domain/errors.ts";

/** A write would take the balance below what the account may owe; nothing was written. */
export class InsufficientUnitsError extends DomainError {
  constructor(
    /** The balance before the refused write. */
    readonly balance: number,
    /** How many more units the account would need for the write to pass. */
    readonly shortfall: number,
    field = "units",
  ) {
    super("INSUFFICIENT_UNITS", `Not enough units: the balance is ${balance} and ${shortfall} more would be needed`, field);
  }
}
