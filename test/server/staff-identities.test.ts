import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.ts";
import { dataOf } from "../helpers/gql.ts";
import { populate, STAFF } from "../helpers/one-of-everything.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { servicesIn } from "../helpers/workspace-db.ts";

const SEEN = `query($id: ID!, $number: String!) {
  ticket(id: $id) { messages(first: 10) { edges { node { authorId } } } history { actor } workLogs { agentId } }
  account(customerNumber: $number) { tierSubscriptions { events { actor } } }
}`;

/** Every name the answer shows for who did something. */
const actors = (data: any) => [
  ...data.ticket.messages.edges.map((edge: any) => edge.node.authorId),
  ...data.ticket.history.map((entry: any) => entry.actor),
  ...data.ticket.workLogs.map((log: any) => log.agentId),
  ...data.account.tierSubscriptions.flatMap((s: any) => s.events.map((e: any) => e.actor)),
];

describe("customers and partners never see staff token ids", () => {
  let t: TestApp;
  let mine: Awaited<ReturnType<typeof populate>>;
  beforeAll(async () => {
    t = await startTestApp();
    mine = await populate(t, t, "IDS");
    await servicesIn(t.app).ticketWork.log(STAFF, { ticketId: mine.ticketId, minutes: 10, note: "Looked at it", idempotencyKey: "work-ids-1" });
  }, 240_000);
  afterAll(() => t.stop());

  it('staff see the token id behind messages, history and level changes; customers and partners see "support" (and their own id)', async () => {
    const variables = { id: encodeId("Ticket", mine.ticketId), number: mine.customerNumber };
    expect(actors(dataOf(await t.gql(SEEN, variables)))).toContain(STAFF.tokenId);
    for (const token of [await t.token("CUSTOMER", { customerNumber: mine.customerNumber }), await t.token("PARTNER", { partnerCode: mine.partnerCode })]) {
      const shown = actors(dataOf(await t.gql(SEEN, variables, token)));
      expect(shown.length).toBeGreaterThan(3);
      expect(shown).not.toContain(STAFF.tokenId);
      expect(shown).toContain("support");
    }
  });
});
