import type pg from "pg";

/** EXPLAIN (ANALYZE, BUFFERS) of the first queue page, all open tickets, as the service sends it. */
export async function queueExplain(client: pg.Client): Promise<string> {
  const sql = `SELECT id FROM "Ticket" WHERE status = ANY($1::"TicketStatus"[])
    ORDER BY "priorityRank" DESC, "nextDueAt" ASC NULLS LAST, "createdAt" ASC, id ASC LIMIT 51`;
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [["NEW", "AWAITING_INFORMATION", "OPEN", "AWAITING_CUSTOMER", "ON_HOLD"]]);
  return rows.map((row) => `  ${row["QUERY PLAN"]}`).join("\n");
}
