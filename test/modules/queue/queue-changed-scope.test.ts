import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount, subscribe as subscribeTier } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createTicket } from "../../helpers/tickets.ts";
import { subscribe, wsClient } from "../../helpers/ws.ts";

const QUEUE = `subscription($first: Int) { queueChanged(first: $first) { kind ticket { subject } } }`;
/** The statement a live queue runs to see which changed tickets are in it (queue-watch-service.ts): their ids, nothing else. */
const PLACING = /^SELECT "public"\."Ticket"\."id" FROM/;

describe("queueChanged re-evaluates only the live queues a changed ticket can belong to", () => {
  const counter = queryCounter();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    await loadEcommerceBackoffice(t);
    for (const code of ["P-SCOPE-MINE", "P-SCOPE-OTHER"])
      dataOf(await t.gql(`mutation { partnerCreate(input: { code: "${code}", name: "${code}" }) { __typename } }`));
    const accounts: [string, string | undefined][] = [
      ["C-SCOPE-MINE", undefined],
      ["C-SCOPE-OTHER", undefined],
      ["C-SOLD-MINE", "P-SCOPE-MINE"],
      ["C-SOLD-OTHER", "P-SCOPE-OTHER"],
    ];
    for (const [number, partnerCode] of accounts) {
      await createAccount(t, number, { language: "de", ...(partnerCode ? { partnerCode } : {}) });
      await subscribeTier(t, number, "GOLD");
    }
  });
  afterAll(() => t.stop());

  it("places another customer's new ticket in none of a customer's twenty queues, its own in each once", async () => {
    const customer = await t.token("CUSTOMER", { customerNumber: "C-SCOPE-MINE" });
    const socket = wsClient(t.url, customer);
    // twenty distinct queues (each page size is its own shared execution)
    const queues = Array.from({ length: 20 }, (_, i) => subscribe(socket, QUEUE, { first: i + 1 }));
    for (const queue of queues) expect((await queue.next()).data.queueChanged.kind).toBe("SNAPSHOT");

    const looked = t.app.services.queueWatch.ticketsReEvaluated;
    const { statements } = await counter.measure(async () => {
      await createTicket(t, { customerNumber: "C-SCOPE-OTHER", subject: "not yours" });
      await t.app.relay.kick();
      await createTicket(t, { customerNumber: "C-SCOPE-MINE", subject: "yours" });
      for (const queue of queues) expect((await queue.next()).data.queueChanged).toEqual({ kind: "TICKET_ADDED", ticket: { subject: "yours" } });
    });
    expect(t.app.services.queueWatch.ticketsReEvaluated - looked).toBe(queues.length);
    const placing = statements.filter((sql) => PLACING.test(sql));
    expect(placing).toHaveLength(queues.length);
    // each placed one ticket: the other customer's was never looked up, alone or in the same burst
    for (const sql of placing) expect(sql.match(/"id" IN \(([^)]*)\)/)?.[1]?.split(",")).toHaveLength(1);
    for (const queue of queues) queue.close();
    await socket.dispose();
  });

  it("looks again at none of another partner's or an unsold account's ticket changes in a partner's twenty queues, at each of its own once", async () => {
    const partner = await t.token("PARTNER", { partnerCode: "P-SCOPE-MINE" });
    const socket = wsClient(t.url, partner);
    const queues = Array.from({ length: 20 }, (_, i) => subscribe(socket, QUEUE, { first: i + 1 }));
    for (const queue of queues) expect((await queue.next()).data.queueChanged.kind).toBe("SNAPSHOT");

    const looked = t.app.services.queueWatch.ticketsReEvaluated;
    for (const customerNumber of ["C-SOLD-OTHER", "C-SCOPE-OTHER"]) {
      await createTicket(t, { customerNumber, subject: "not sold by you" });
      await t.app.relay.kick();
    }
    await createTicket(t, { customerNumber: "C-SOLD-MINE", subject: "sold by you" });
    for (const queue of queues) expect((await queue.next()).data.queueChanged).toEqual({ kind: "TICKET_ADDED", ticket: { subject: "sold by you" } });
    // one look per queue, at its own ticket: the other two were skipped unread, alone or in the same burst
    expect(t.app.services.queueWatch.ticketsReEvaluated - looked).toBe(queues.length);
    for (const queue of queues) queue.close();
    await socket.dispose();
  });
});
