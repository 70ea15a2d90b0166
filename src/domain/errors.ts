/**
 * Expected failures of the domain. Services throw these; the GraphQL layer maps each `code` to a
 * typed member of a mutation's result union. Anything else is a bug and stays masked.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that is syntactically fine but violates a rule; `field` is the input path, e.g. `weeklyHours.2.end`. */
export class ValidationError extends DomainError {
  constructor(field: string, message: string) {
    super("VALIDATION", message, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(field: string, message: string) {
    super("NOT_FOUND", message, field);
  }
}

export class ConflictError extends DomainError {
  constructor(field: string, message: string) {
    super("CONFLICT", message, field);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this") {
    super("FORBIDDEN", message);
  }
}

/** A client idempotency key that was already used for a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(field = "idempotencyKey", message = "This idempotency key was already used for a different request") {
    super("IDEMPOTENCY_KEY_REUSED", message, field);
  }
}
