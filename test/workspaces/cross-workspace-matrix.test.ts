import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLInterfaceType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.ts";
import { schema } from "../../src/server/schema.ts";
import { dataOf } from "../helpers/gql.ts";
import { ticketWithPendingAlerts } from "../helpers/sla-alert-rows.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { prismaIn, servicesIn } from "../helpers/workspace-db.ts";
import { createWorkspace } from "../helpers/workspaces.ts";
import { populate, STAFF } from "../helpers/one-of-everything.ts";

/** Workspaces are the platform's: a token reading another workspace's Workspace node is refused outright (FORBIDDEN). */
const PLATFORM_TYPES = new Set(["Workspace"]);
/** Root lists that need no workspace data or are the platform administrator's. */
const NOT_WORKSPACE_LISTS = new Set(["nodes", "workspaces"]);
import { subscribe, wsClient } from "../helpers/ws.ts";

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

describe("no workspace sees another's data", () => {
  let t: TestApp;
  let alpha: TestApp;
  let beta: TestApp;
  let alphaTicket: string;
  /** Every global id of a Node in alpha, by type; and every raw row id. */
  const alphaIds = new Map<string, string[]>();
  const nodeTypes = schema
    .getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType)
    .map((type) => type.name)
    .filter((name) => !PLATFORM_TYPES.has(name));

  beforeAll(async () => {
    t = await startTestApp();
    alpha = await createWorkspace(t, "alpha");
    beta = await createWorkspace(t, "beta");
    alphaTicket = (await populate(t, alpha, "ALPHA")).ticketId;
    await populate(t, beta, "BETA");
    const prisma = prismaIn(t.app, alpha.workspaceId) as unknown as Record<string, { findMany(args: object): Promise<{ id: string }[]> }>;
    for (const type of nodeTypes)
      alphaIds.set(
        type,
        (await prisma[lowerFirst(type)]!.findMany({ select: { id: true } })).map((row) => encodeId(type, row.id)),
      );
  }, 240_000);
  afterAll(() => t.stop());

  const allAlphaIds = () => [...alphaIds.values()].flat();
  const leaks = (response: unknown) => {
    const text = JSON.stringify(response);
    return [
      ...allAlphaIds().filter((id) => text.includes(id)),
      ...["C-ALPHA", "P-ALPHA", "Question of ALPHA", "Queue ALPHA", "Article of ALPHA"].filter((marker) => text.includes(marker)),
    ];
  };

  it("has an alpha row of every Node type (so the matrix covers them all)", () => {
    for (const type of nodeTypes) expect(alphaIds.get(type)?.length, type).toBeGreaterThan(0);
  });

  it.each(nodeTypes)("node(id) of an alpha %s is found in alpha and simply not found in beta", async (type) => {
    const ids = alphaIds.get(type)!;
    const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    expect(dataOf(await alpha.gql(QUERY, { ids })).nodes.map((node: any) => node?.id)).toEqual(ids);
    const fromBeta = await beta.gql(QUERY, { ids });
    expect(fromBeta.errors ?? []).toEqual([]);
    expect(fromBeta.data!.nodes).toEqual(ids.map(() => null));
  });

  const rootLists = Object.values(schema.getQueryType()!.getFields()).filter((field) => {
    if (NOT_WORKSPACE_LISTS.has(field.name) || field.args.some((arg) => isNonNullType(arg.type))) return false;
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    return isListType(type) || getNamedType(type).name.endsWith("Connection");
  });

  /** The field's rows with their ids, as a query. */
  const listQuery = (field: GraphQLField<unknown, unknown>) => {
    const named = getNamedType(field.type);
    const connection = named.name.endsWith("Connection");
    const first = field.args.some((arg) => arg.name === "first") ? "(first: 100)" : "";
    const row = connection && isObjectType(named) ? getNamedType(named.getFields().edges!.type) : named;
    const node = isObjectType(row) && row.getFields().node ? getNamedType(row.getFields().node!.type) : row;
    const fields = isObjectType(node) && node.getFields().id ? "id" : "__typename";
    const total = connection && isObjectType(named) && named.getFields().totalCount ? "totalCount " : "";
    return connection ? `{ ${field.name}${first} { ${total}edges { node { ${fields} } } } }` : `{ ${field.name}${first} { ${fields} } }`;
  };

  it.each(rootLists.map((field) => [field.name, field] as const))("the list %s shows beta none of alpha's rows", async (_name, field) => {
    const response = await beta.gql(listQuery(field));
    expect(response.errors ?? []).toEqual([]);
    expect(leaks(response)).toEqual([]);
  });

  it("the lists are not empty for alpha, so the list check can fail", async () => {
    const seen = await Promise.all(rootLists.map(async (field) => leaks(await alpha.gql(listQuery(field))).length > 0));
    expect(seen.filter(Boolean).length).toBeGreaterThanOrEqual(8);
  });

  it("key lookups by alpha's customer number or ids find nothing from beta; shared codes name beta's own rows", async () => {
    const byNumber = await beta.gql(`{ account(customerNumber: "C-ALPHA") { id } unitLedger(customerNumber: "C-ALPHA") { balance } }`);
    expect(byNumber.data).toEqual({ account: null, unitLedger: null });
    const ticket = await beta.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: encodeId("Ticket", alphaTicket) });
    expect(ticket.data).toEqual({ ticket: null });
    const entitlement = await beta.gql(`{ entitlement(customerNumber: "C-ALPHA", channel: TICKET, requestType: "DEFECT") { eligible } }`);
    expect(entitlement.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const codes = dataOf(await beta.gql(`{ tier(code: "CRM-PREMIUM") { id } requestType(code: "DEFECT") { id } }`));
    expect(leaks(codes)).toEqual([]);
    expect(codes.tier.id).toBeTruthy();
  });

  it("delivers beta's subscribers only beta's events: accounts, queues, SLA alerts, low balances; an alpha ticket cannot be followed", async () => {
    const client = wsClient(t.url, await beta.token("ADMIN"));
    const accounts = subscribe(client, `subscription { accountChanged { account { customerNumber } } }`);
    const queue = subscribe(client, `subscription { queueChanged { kind ticket { id } } }`);
    const alerts = subscribe(client, `subscription { slaAlerts { ticketId } }`);
    const low = subscribe(client, `subscription { unitBalanceLow { account { customerNumber } } }`);
    const follow = subscribe(client, `subscription($id: ID!) { ticketUpdates(id: $id) { __typename } }`, { id: encodeId("Ticket", alphaTicket) });
    expect((await queue.next()).data.queueChanged.kind).toBe("SNAPSHOT"); // registered

    const act = async (w: TestApp, tag: string) => {
      const services = servicesIn(t.app, w.workspaceId);
      await services.accounts.create(STAFF, { customerNumber: `C-${tag}-2`, name: `Second ${tag}` });
      await services.ledger.purchase(STAFF, { customerNumber: `C-${tag}-2`, packageCode: "UNITS-4", quantity: 2, idempotencyKey: `buy-${tag}-2` });
      await services.ledger.adjust(STAFF, { customerNumber: `C-${tag}-2`, units: -5, reason: "Down to 3 of a threshold of 4", idempotencyKey: `low-${tag}` });
      const opened = await services.ticketIntake.create(
        STAFF,
        { customerNumber: `C-${tag}-2`, channel: "TICKET", requestTypeCode: "USAGE_QUESTION", subject: `Second question of ${tag}`, body: "?" },
        { select: { id: true } },
      );
      const { ticket } = await ticketWithPendingAlerts(
        t.app,
        `C-${tag}-3`,
        [{ kind: "WARNING", threshold: 0.75, fireAt: new Date(Date.now() - 60_000) }],
        w.workspaceId,
      );
      return [opened.id, ticket.id].map((id) => encodeId("Ticket", id));
    };
    const alphaTickets = await act(alpha, "ALPHA");
    const [betaOpened, betaAlertTicket] = await act(beta, "BETA");

    expect((await accounts.next()).data.accountChanged.account.customerNumber).toBe("C-BETA-2");
    expect((await low.next()).data.unitBalanceLow.account.customerNumber).toBe("C-BETA-2");
    expect((await alerts.next()).data.slaAlerts.ticketId).toBe(betaAlertTicket);
    // Queue changes up to beta's last ticket: beta's two, never one of alpha's.
    const changed: string[] = [];
    while (!changed.includes(betaAlertTicket!)) changed.push((await queue.next()).data.queueChanged.ticket.id);
    expect(changed.filter((id) => alphaTickets.includes(id))).toEqual([]);
    expect(changed).toContain(betaOpened);
    // following alpha's ticket is refused as if it did not exist
    expect((await follow.next()).errors).toMatchObject([{ path: ["ticketUpdates"], extensions: { code: "NOT_FOUND", field: "id" } }]);
    for (const subscription of [accounts, queue, alerts, low, follow]) subscription.close();
    await client.dispose();
  });
});
