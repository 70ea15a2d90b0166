import type { GraphQLInterfaceType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.ts";
import { schema } from "../../src/server/schema.ts";
import { populate, STAFF } from "../helpers/one-of-everything.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { servicesIn } from "../helpers/workspace-db.ts";

/** Who asks: the test's own model of each role, independent of src/auth/policy.ts. */
interface Caller {
  name: string;
  token: string | null;
  role: "ADMIN" | "AGENT" | "PARTNER" | "CUSTOMER" | null;
  accountId?: string;
  partnerId?: string;
}

type Row = Record<string, unknown> & { id: string };
interface World {
  accounts: Map<string, { partnerId: string | null }>;
  ticketAccount: Map<string, string>;
}

const staff = (c: Caller) => c.role === "ADMIN" || c.role === "AGENT";
const signedIn = (c: Caller) => c.role !== null;
const readsAccount = (c: Caller, w: World, accountId: string) =>
  staff(c) ||
  (c.role === "CUSTOMER" && c.accountId === accountId) ||
  (c.role === "PARTNER" && c.partnerId !== undefined && w.accounts.get(accountId)?.partnerId === c.partnerId);

/**
 * Who may read a row of each Node type: the same rule as the type's own query field. Every type
 * implementing Node must be listed: a new type without a rule fails the first test.
 */
const RULES: Record<string, (caller: Caller, row: Row, world: World) => boolean> = {
  Account: (c, row, w) => readsAccount(c, w, row.id),
  ApiToken: (c) => c.role === "ADMIN",
  Booking: (c, row, w) => readsAccount(c, w, row.accountId as string),
  BusinessCalendar: signedIn,
  HelpArticle: signedIn,
  Partner: (c, row) => staff(c) || (c.role === "PARTNER" && c.partnerId === row.id),
  Queue: staff,
  RequestType: signedIn,
  Ticket: (c, row, w) => readsAccount(c, w, row.accountId as string),
  TicketMessage: (c, row, w) => (row.kind === "INTERNAL_NOTE" ? staff(c) : readsAccount(c, w, w.ticketAccount.get(row.ticketId as string)!)),
  Tier: signedIn,
  TierSubscription: (c, row, w) => readsAccount(c, w, row.accountId as string),
  UnitLedgerEntry: (c, row, w) => readsAccount(c, w, row.accountId as string),
  UnitPackage: signedIn,
  Workspace: signedIn,
};

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

describe("node(id) and nodes(ids) run each type's own authorisation, for every Node type × every role", () => {
  const nodeTypes = schema.getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType).map((type) => type.name);
  let t: TestApp;
  const rows = new Map<string, Row[]>();
  const callers: Caller[] = [];
  const world: World = { accounts: new Map(), ticketAccount: new Map() };

  beforeAll(async () => {
    t = await startTestApp();
    const mine = await populate(t, t, "MINE");
    const services = servicesIn(t.app);
    await services.partners.create(STAFF, { code: "P-OTHER", name: "Other partner" });
    await services.accounts.create(STAFF, { customerNumber: "C-OTHER", name: "Other customer", partnerCode: "P-OTHER" });
    const prisma = t.prisma as unknown as Record<string, { findMany(args?: object): Promise<Row[]> }>;
    for (const type of nodeTypes) rows.set(type, await prisma[lowerFirst(type)]!.findMany(type === "Workspace" ? { where: { id: t.workspaceId } } : {}));
    for (const account of rows.get("Account")!) world.accounts.set(account.id, { partnerId: account.partnerId as string | null });
    for (const ticket of rows.get("Ticket")!) world.ticketAccount.set(ticket.id, ticket.accountId as string);
    const accountOf = (number: string) => rows.get("Account")!.find((a) => a.customerNumber === number)!.id;
    const partnerOf = (code: string) => rows.get("Partner")!.find((p) => p.code === code)!.id;
    callers.push(
      { name: "anonymous", token: null, role: null },
      {
        name: "customer",
        token: await t.token("CUSTOMER", { customerNumber: mine.customerNumber }),
        role: "CUSTOMER",
        accountId: accountOf(mine.customerNumber),
      },
      { name: "other customer", token: await t.token("CUSTOMER", { customerNumber: "C-OTHER" }), role: "CUSTOMER", accountId: accountOf("C-OTHER") },
      { name: "partner", token: await t.token("PARTNER", { partnerCode: mine.partnerCode }), role: "PARTNER", partnerId: partnerOf(mine.partnerCode) },
      { name: "other partner", token: await t.token("PARTNER", { partnerCode: "P-OTHER" }), role: "PARTNER", partnerId: partnerOf("P-OTHER") },
      { name: "agent", token: await t.token("AGENT"), role: "AGENT" },
      { name: "admin", token: await t.token("ADMIN"), role: "ADMIN" },
      { name: "platform administrator", token: ADMIN_TOKEN, role: "ADMIN" },
    );
  }, 240_000);
  afterAll(() => t.stop());

  it("has a rule and a row for every type implementing Node (read from the schema)", () => {
    expect(Object.keys(RULES).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) expect(rows.get(type)?.length, type).toBeGreaterThan(0);
    expect(rows.get("TicketMessage")!.map((m) => m.kind)).toContain("INTERNAL_NOTE");
  });

  it.each(nodeTypes)("%s: each role gets exactly the rows it may read; the others are null, without an error", async (type) => {
    const typeRows = rows.get(type)!;
    const ids = typeRows.map((row) => encodeId(type, row.id));
    let readable = 0;
    let unreadable = 0;
    for (const caller of callers) {
      const expected = typeRows.map((row, i) => (RULES[type]!(caller, row, world) ? ids[i] : null));
      const response = await t.gql(
        `query($ids: [ID!]!, $id: ID!) { nodes(ids: $ids) { id __typename } node(id: $id) { id } }`,
        { ids, id: ids.at(-1) },
        caller.token,
      );
      const got = (response.data as { nodes: ({ id: string } | null)[] } | undefined)?.nodes.map((node) => node?.id ?? null);
      expect({ caller: caller.name, got }).toEqual({ caller: caller.name, got: expected });
      expect(response.data!.node?.id ?? null).toBe(expected.at(-1));
      // what may not be read looks exactly like what does not exist: null, no FORBIDDEN naming it
      expect({ caller: caller.name, errors: response.errors ?? [] }).toEqual({ caller: caller.name, errors: [] });
      readable += expected.filter(Boolean).length;
      unreadable += expected.filter((id) => id === null).length;
    }
    expect(readable).toBeGreaterThan(0);
    expect(unreadable).toBeGreaterThan(0); // anonymous at least: the check can fail both ways
  });
});
