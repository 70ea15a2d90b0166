import { ConflictError } from "../domain/errors.ts";

/** Turns a unique-constraint violation (Prisma P2002) into a ConflictError naming the input field. */
export async function uniquely<T>(field: string, message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(field, message);
    throw error;
  }
}

/**
 * Pothos hands over `select: {}` when a client asks for nothing but `__typename`; Prisma rejects an
 * empty select, so ask for the id instead.
 */
export function selection<Q extends { select?: object | null }>(query: Q): Q {
  return query.select && Object.keys(query.select).length === 0 ? { ...query, select: { id: true } } : query;
}

/**
 * The name of the unique index a write violated, or null for any other error: from Prisma (P2002;
 * both driver adapters pass PostgreSQL's message on, only adapter-pg also names the index) or
 * from a driver directly (SQLSTATE 23505, e.g. src/db/insert-rows.ts).
 */
export function violatedUniqueIndex(error: unknown): string | null {
  const { code, constraint, meta } = error as {
    code?: string;
    constraint?: string;
    meta?: { driverAdapterError?: { cause?: { originalMessage?: string; constraint?: { index?: string } } } };
  };
  if (code === "23505") return constraint ?? "";
  if (code !== "P2002") return null;
  const cause = meta?.driverAdapterError?.cause;
  return cause?.constraint?.index ?? /unique constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1] ?? "";
}
