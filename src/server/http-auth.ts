import { GraphQLError } from "graphql";
import { ANONYMOUS, AuthenticationError, bearerSecret, type Viewer } from "../auth/viewer.ts";
import { DomainError } from "../domain/errors.ts";
import type { Services } from "../modules/registry.ts";

/** The viewer behind an Authorization value; a bad credential is a 401, never silently anonymous. */
export async function authenticateRequest(services: Services, authorization: unknown): Promise<Viewer> {
  try {
    const secret = bearerSecret(authorization);
    return secret ? await services.tokens.authenticate(secret) : ANONYMOUS;
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    throw error;
  }
}

/** Expected failures keep their message and code; anything else stays masked. */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
  if (original instanceof DomainError) {
    const { code, field } = original;
    const details = "details" in original ? (original.details as Record<string, unknown>) : {};
    const where = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return new GraphQLError(original.message, { ...where, extensions: { code, ...(field ? { field } : {}), ...details } });
  }
  console.error("internal error:", original ?? error);
  return new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}
