import { benchClient, DEMO_WORKSPACE } from "./server-process.ts";

const TEMPLATES = `
  CREATE TEMP TABLE template AS
  SELECT row_number() OVER (ORDER BY t.id) - 1 AS slot, t.*
  FROM "Ticket" t
  WHERE t.status IN ('NEW', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD', 'AWAITING_INFORMATION') AND t."createdBy" <> 'bench-seed'
    AND t."workspaceId" = current_setting('app.workspace_id')`;

// Ticket ids sort after every uuid7 of the demo tickets and are computed from the series number,
// so the clock and alert rows can name their ticket without a join.
const TICKET_ID = (g: string) => `'ffffffff-0000-7000-8000-' || lpad(to_hex(${g}), 12, '0')`;

const TICKETS = (from: number, to: number) => `
  INSERT INTO "Ticket" (id, "accountId", "tierId", "priorityRank", "priorityLabel", channel, language, "requestTypeId",
    subject, body, status, kind, "intakeReasons", flags, "providedInformation", "missingInformation", "assigneeId", "teamId",
    "createdBy", "nextDueAt", "atRiskAt", "createdAt", "updatedAt")
  SELECT ${TICKET_ID("g")}, t."accountId", t."tierId", t."priorityRank", t."priorityLabel", t.channel, t.language, t."requestTypeId",
    'Seeded ' || g, t.body, t.status, t.kind, t."intakeReasons", t.flags, t."providedInformation", t."missingInformation",
    CASE WHEN g % 3 = 0 THEN NULL ELSE 'agent-' || (g % 40) END, CASE WHEN g % 3 = 0 THEN NULL ELSE 'team-' || (g % 5) END,
    'bench-seed',
    CASE WHEN t."nextDueAt" IS NULL THEN NULL ELSE now() AT TIME ZONE 'UTC' + ((g % 20000) - 2000) * interval '1 minute' END,
    CASE WHEN t."nextDueAt" IS NULL THEN NULL ELSE now() AT TIME ZONE 'UTC' + ((g % 20000) - 4000) * interval '1 minute' END,
    now() AT TIME ZONE 'UTC' - g * interval '1 second', now() AT TIME ZONE 'UTC'
  FROM generate_series(${from}, ${to}) g
  JOIN template t ON t.slot = g % (SELECT count(*) FROM template)`;

const CLOCKS = (from: number, to: number) => `
  INSERT INTO "SlaClock" (id, "ticketId", kind, amount, unit, clock, "calendarId", guaranteed, thresholds, "startedAt", pauses, "metAt", "dueAt", "createdAt")
  SELECT gen_random_uuid()::text, ${TICKET_ID("g")}, c.kind, c.amount, c.unit, c.clock, c."calendarId", c.guaranteed, c.thresholds,
    CASE WHEN c."startedAt" IS NULL THEN NULL ELSE now() AT TIME ZONE 'UTC' - g * interval '1 second' END, c.pauses, c."metAt",
    CASE WHEN c."dueAt" IS NULL THEN NULL ELSE now() AT TIME ZONE 'UTC' + ((g % 20000) - 2000) * interval '1 minute' END,
    now() AT TIME ZONE 'UTC' - g * interval '1 second'
  FROM generate_series(${from}, ${to}) g
  JOIN template t ON t.slot = g % (SELECT count(*) FROM template)
  JOIN "SlaClock" c ON c."ticketId" = t.id AND c."replacedAt" IS NULL`;

// One pending BREACHED alert per running clock, all in the future: the monitor's pending set is as
// large as the ticket count, but it has nothing to fire during the bench.
const ALERTS = (from: number, to: number) => `
  INSERT INTO "SlaAlert" (id, "ticketId", "clockId", kind, threshold, "fireAt")
  SELECT gen_random_uuid()::text, c."ticketId", c.id, 'BREACHED', 1, now() AT TIME ZONE 'UTC' + interval '30 days' + (g % 20000) * interval '1 minute'
  FROM generate_series(${from}, ${to}) g
  JOIN "SlaClock" c ON c."ticketId" = ${TICKET_ID("g")} AND c."dueAt" IS NOT NULL`;

const OPEN = `SELECT count(*)::int AS n FROM "Ticket" WHERE status IN ('NEW', 'OPEN', 'AWAITING_CUSTOMER', 'ON_HOLD', 'AWAITING_INFORMATION')`;
const CHUNK = 250_000;

/** Adds open tickets (with clocks and pending alerts) until the database holds `total` of them; returns the seconds it took. */
export async function seedOpenTickets(url: string, total: number): Promise<number> {
  const started = performance.now();
  const client = await benchClient(url, DEMO_WORKSPACE);
  try {
    const { rows } = await client.query<{ n: number }>(OPEN);
    const have = rows[0]!.n;
    const { rows: last } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Ticket" WHERE "createdBy" = 'bench-seed'`);
    await client.query("SET synchronous_commit = off"); // bench data: a crash mid-seed loses nothing of value
    await client.query(TEMPLATES);
    for (let from = last[0]!.n + 1, to = last[0]!.n + total - have; from <= to; from += CHUNK) {
      const end = Math.min(to, from + CHUNK - 1);
      await client.query(TICKETS(from, end));
      await client.query(CLOCKS(from, end));
      await client.query(ALERTS(from, end));
    }
    await client.query(`DROP TABLE template`);
    await client.query(`VACUUM ANALYZE "Ticket"`);
    await client.query(`VACUUM ANALYZE "SlaClock"`);
    await client.query(`VACUUM ANALYZE "SlaAlert"`);
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}
