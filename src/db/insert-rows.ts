import type { SqlQuery } from "./client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** Columns of a model's table as Prisma reads them back; left out: the column's default. */
type RowOf<M extends Prisma.ModelName> = Partial<Prisma.TypeMap["model"][M]["payload"]["scalars"]>;

export interface Insert<M extends Prisma.ModelName = Prisma.ModelName> {
  model: M;
  rows: readonly RowOf<M>[];
}

/** Rows for one table, typed by its model. */
export const rowsOf = <M extends Prisma.ModelName>(model: M, rows: readonly RowOf<M>[]): Insert<M> => ({ model, rows });

/**
 * Inserts rows into several tables in ONE statement (a chain of data-modifying CTEs), so they land
 * together without a transaction's extra round trips; foreign keys are checked at its end. Each
 * table's rows travel as one JSON parameter, typed by the table itself (jsonb_populate_recordset),
 * so dates go as ISO instants in UTC. Returns `returning` columns of the first insert's rows.
 */
export async function insertRows<R extends Record<string, unknown>>(
  sql: SqlQuery,
  inserts: readonly Insert[],
  returning: readonly (keyof R & string)[],
): Promise<R[]> {
  const present = inserts.filter((insert) => insert.rows.length > 0);
  const ctes = present.map((insert, i) => {
    const columns = [...new Set(insert.rows.flatMap((row) => Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined)))]
      .map(quoted)
      .join(", ");
    const back = i === 0 && returning.length ? ` RETURNING ${returning.map(quoted).join(", ")}` : "";
    return `i${i} AS (INSERT INTO ${quoted(insert.model)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quoted(insert.model)}, $${i + 1}::jsonb)${back})`;
  });
  const select = returning.length ? `SELECT ${returning.map(quoted).join(", ")} FROM i0` : "SELECT 1";
  return sql<R>(
    `WITH ${ctes.join(",\n")} ${select}`,
    present.map((insert) => JSON.stringify(insert.rows)),
    // one text per combination of tables and columns present: a handful per caller
    { prepare: true },
  );
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
