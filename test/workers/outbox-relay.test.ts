import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { queryCounter } from "../helpers/query-counter.ts";
import { createAccount, subscribe } from "../helpers/support.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTicket } from "../helpers/tickets.ts";

describe("the outbox relay", () => {
  const counter = queryCounter();
  let t: TestApp;
  let storming = false;
  let held = { release: () => {} };
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    await loadEcommerceBackoffice(t);
    await createAccount(t, "C-RELAY", { language: "de" });
    await subscribe(t, "C-RELAY", "GOLD");
  });
  afterAll(() => {
    storming = false;
    held.release();
    return t.stop();
  });

  // Under steady writes the relay is never idle: a kick waits for a cycle that started after it, not for quiet.
  it("answers a kick once what committed before it is published, while every cycle is kicked again", async () => {
    const ticket = await createTicket(t, { customerNumber: "C-RELAY", subject: "Published amid kicks" });
    storming = true;
    held = counter.hold(/"OutboxEvent"/);
    void (async () => {
      while (storming) {
        await (held as ReturnType<typeof counter.hold>).reached;
        void t.app.relay.kick();
        held.release(); // (one hold at a time: the next is set before the held statement resumes)
        held = counter.hold(/"OutboxEvent"/);
      }
    })();
    try {
      await t.app.relay.kick();
    } finally {
      storming = false;
      held.release();
    }
    const ticketId = Buffer.from(ticket.id, "base64url").toString().split(":")[1];
    const events = await t.prisma.outboxEvent.findMany({ where: { topic: "ticketChanged", payload: { path: ["ticketId"], equals: ticketId } } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.publishedAt !== null && event.sequence !== null)).toBe(true);
  });
});
