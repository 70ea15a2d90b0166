import type pg from "pg";
import type { Viewer } from "../../src/auth/viewer.ts";
import { ticketPageStatement } from "../../src/modules/queue/index.ts";
import { CURRENT_CLOCKS } from "../../src/modules/ticket/index.ts";

const AGENT: Viewer = { role: "AGENT", tokenId: "bench", partnerId: null, accountId: null, workspaceId: null };

/** What Pothos selects for the bench's page (tickets with priority, tier, account, clocks). */
export const PAGE_SELECTION = {
  select: {
    id: true,
    number: true,
    subject: true,
    status: true,
    priorityRank: true,
    priorityLabel: true,
    nextDueAt: true,
    createdAt: true,
    accountId: true,
    account: { select: { id: true, partnerId: true, customerNumber: true, name: true } },
    tier: { select: { code: true } },
    clocks: CURRENT_CLOCKS,
  },
};

/** EXPLAIN (ANALYZE, BUFFERS) of the service's statement for the first page and a page after its last row. */
export async function queueExplain(client: pg.Client, filter: Record<string, unknown> = {}): Promise<string> {
  const explain = async (after: Parameters<typeof ticketPageStatement>[3]["after"]) => {
    const statement = ticketPageStatement(AGENT, filter, new Date(), { after, limit: 51, backward: false }, PAGE_SELECTION);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.values);
    return rows.map((row) => `  ${row["QUERY PLAN"]}`).join("\n");
  };
  const statement = ticketPageStatement(AGENT, filter, new Date(), { limit: 51, backward: false }, PAGE_SELECTION);
  const { rows } = await client.query<{ row: { id: string; priorityRank: number; nextDueAt: number | null; createdAt: number } }>(
    statement.sql,
    statement.values,
  );
  const last = rows.at(-1)?.row;
  const after = last ? { id: last.id, priorityRank: last.priorityRank, nextDueAt: last.nextDueAt, createdAt: last.createdAt } : null;
  return `first page:\n${await explain(null)}\nnext page (after the first page's last ticket):\n${await explain(after)}`;
}
