/**
 * The deliveries of one burst of a stream (events that arrived together, or one page of a replay).
 * Each delivery is executed on its own, so a field that re-reads "its" row would cost one query per
 * event; through `readInBurst` the first such field reads the rows of every delivery of the burst
 * at once, and the others take theirs from that read.
 */
export class Burst<D = unknown> {
  private readonly reads = new Map<string, Promise<unknown>>();
  constructor(readonly deliveries: readonly D[]) {}

  /** `read()` once for the whole burst, per `key`. */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.reads.has(key)) this.reads.set(key, read());
    return this.reads.get(key) as Promise<T>;
  }

  read<R extends { id: string }>(key: string, ids: () => string[], load: (ids: string[]) => Promise<R[]>): Promise<Map<string, R>> {
    return this.once(key, async () => new Map((await load([...new Set(ids())])).map((row) => [row.id, row])));
  }
}

export type InBurst<D> = D & { burst?: Burst<D> };

/**
 * The row `delivery[field]` names, read with those of every other delivery of its burst (one read per
 * selection `query`); without a burst (e.g. a snapshot), on its own. `load` must return `id`.
 */
export async function readInBurst<D, R extends { id: string }>(
  delivery: InBurst<D>,
  field: { [K in keyof D]: D[K] extends string | null ? K : never }[keyof D],
  query: object,
  load: (ids: string[]) => Promise<R[]>,
): Promise<R | null> {
  const id = delivery[field] as string | null;
  if (id === null) return null;
  const idOf = (d: D) => d[field] as string | null;
  const rows = delivery.burst
    ? await delivery.burst.read(`${String(field)}:${JSON.stringify(query)}`, () => delivery.burst!.deliveries.flatMap((d) => idOf(d) ?? []), load)
    : new Map((await load([id])).map((row) => [row.id, row]));
  return rows.get(id) ?? null;
}

/** A Prisma selection that also reads `id` (to match rows to deliveries). */
export const withId = <Q extends { select?: object | null }>(query: Q): Q => (query.select ? { ...query, select: { ...query.select, id: true } } : query);
