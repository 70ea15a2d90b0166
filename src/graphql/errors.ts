import { ConflictError, type DomainError, ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from "../domain/errors.ts";
import { builder } from "./builder.ts";

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "Every expected failure of a mutation implements Error; `code` is stable, `message` is for people.",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong and what to do instead, in English, for people; may change wording between releases." }),
    code: t.exposeString("code", { description: "Stable upper-case code for programs to branch on, e.g. VALIDATION or NOT_FOUND; never changes meaning." }),
  }),
});

/** The `field` every error type that names an offending input field shares. */
export const OFFENDING_FIELD =
  "The offending argument or input field, as a dotted path from the mutation's `input`, e.g. weeklyHours.2.end; null when no single field is at fault.";

/**
 * Registers a DomainError subclass as a GraphQL error type; `withField` adds the offending input
 * field. The type is the class's own, so fields added with `builder.objectFields` read it uncast.
 */
// biome-ignore lint/suspicious/noExplicitAny: any constructor of the error class (Pothos keys object types by class)
export function errorType<E extends DomainError>(cls: new (...args: any[]) => E, name: string, description: string, withField = false): ObjectRef<E> {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const ref = builder.objectType(cls as new (...args: any[]) => DomainError, {
    name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof cls,
    fields: (t) => ({
      ...(withField ? { field: t.string({ nullable: true, description: OFFENDING_FIELD, resolve: (error) => error.field ?? null }) } : {}),
    }),
  });
  // Pothos cannot check a generic shape against the Error interface; the objects of this type are `cls`'s, so E's.
  return ref as unknown as ObjectRef<E>;
}

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
type ObjectRef<Shape> = PothosSchemaTypes.ObjectRef<SchemaTypes, Shape>;

errorType(
  ValidationError,
  "ValidationError",
  "The input breaks a rule (a format, a range, an unknown zone, an overlap); nothing was written; code VALIDATION.",
  true,
);
errorType(
  NotFoundError,
  "NotFoundError",
  "Something the input refers to does not exist in this workspace or is not visible to the caller; code NOT_FOUND.",
  true,
);
errorType(
  ConflictError,
  "ConflictError",
  "The input clashes with what is stored (a code or number already taken, a state that no longer allows it); code CONFLICT.",
  true,
);
errorType(ForbiddenError, "ForbiddenError", "The caller's token may not do this (role or workspace); nothing was written; code FORBIDDEN.");
errorType(
  IdempotencyKeyReusedError,
  "IdempotencyKeyReusedError",
  "The idempotency key was already used for a different request on this account; nothing was written; code IDEMPOTENCY_KEY_REUSED.",
  true,
);

/** The error types every mutation can return. */
export const COMMON_ERRORS = [ValidationError, NotFoundError, ConflictError, ForbiddenError];
