import { ConflictError, DomainError, ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from "../domain/errors.ts";
import { builder } from "./builder.ts";

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "Every expected failure of a mutation implements Error; `code` is stable, `message` is for people.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.exposeString("code"),
  }),
});

/** Registers a DomainError subclass as a GraphQL error type; `withField` adds the offending input field. */
export function errorType(cls: new (...args: any[]) => DomainError, name: string, withField = false) {
  return builder.objectType(cls, {
    name,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof cls,
    fields: (t) => ({
      ...(withField ? { field: t.string({ nullable: true, description: "The offending input field, as a path.", resolve: (error) => error.field ?? null }) } : {}),
    }),
  });
}

errorType(ValidationError, "ValidationError", true);
errorType(NotFoundError, "NotFoundError", true);
errorType(ConflictError, "ConflictError", true);
errorType(ForbiddenError, "ForbiddenError");
errorType(IdempotencyKeyReusedError, "IdempotencyKeyReusedError", true);

/** The error types every mutation can return. */
export const COMMON_ERRORS = [ValidationError, NotFoundError, ConflictError, ForbiddenError];
