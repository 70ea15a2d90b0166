/** The columns of `T` that hold instants. */
export type DateColumns<T> = { [K in keyof T]-?: Date extends T[K] ? K : never }[keyof T];

/**
 * A row read as JSON (`to_jsonb(row)`), typed as Prisma would return it: its timestamp columns,
 * ISO text without a zone and stored in UTC, become Dates. `dates` must name every such column.
 */
export function revive<T>(json: Record<string, unknown>, dates: Record<DateColumns<T>, true>): T {
  const row: Record<string, unknown> = { ...json };
  for (const column of Object.keys(dates)) {
    const value = row[column];
    if (typeof value === "string") row[column] = new Date(`${value}Z`);
  }
  return row as T;
}
