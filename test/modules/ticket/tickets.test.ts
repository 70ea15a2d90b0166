import { version } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCrmAddons } from "../../fixtures/policies/001-crm-addons.ts";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { loadItemSupport } from "../../fixtures/policies/003-item-support.ts";
import { loadEmailPlatform } from "../../fixtures/policies/004-email-platform.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { clockOf, createTicket, readTicket, ticketDo, ticketDone, tryCreateTicket } from "../../helpers/tickets.ts";

// Monday 2 March 2026, Berlin = UTC+1. Gold (002): first response within 4 working hours, Mon–Fri 09–17.
const mon = (time: string) => `2026-03-02T${time}+01:00`;
const tue = (time: string) => `2026-03-03T${time}+01:00`;
const clock = testClock("2026-03-01T00:00:00Z");
const sha = "ab".repeat(32);

describe("tickets through GraphQL", () => {
  let t: TestApp;
  let customerGold: string;
  let customerBasis: string;

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadEcommerceBackoffice(t);
    for (const load of [loadCrmAddons, loadItemSupport, loadEmailPlatform]) await load(t, { includedByDefault: false });
    for (const [number, language] of [
      ["C-GOLD", "de"],
      ["C-BRONZE", "de"],
      ["C-BASIS", "de"],
      ["C-DLV", "en"],
      ["C-CRM", "de"],
    ] as const) {
      await createAccount(t, number, { language });
    }
    await subscribe(t, "C-GOLD", "GOLD");
    await subscribe(t, "C-BRONZE", "BRONZE");
    await subscribe(t, "C-DLV", "DLV-PREMIUM");
    await subscribe(t, "C-CRM", "CRM-PREMIUM");
    customerGold = await t.token("CUSTOMER", { customerNumber: "C-GOLD" });
    customerBasis = await t.token("CUSTOMER", { customerNumber: "C-BASIS" });
  });
  afterAll(() => t.stop());

  const alertsOf = async (globalId: string) => {
    const id = Buffer.from(globalId, "base64url").toString().split(":")[1]!;
    return t.prisma.slaAlert.findMany({
      where: { ticketId: id, firedAt: null },
      orderBy: { fireAt: "asc" },
      select: { kind: true, threshold: true, fireAt: true },
    });
  };

  describe("intake", () => {
    it("stamps the entitlement answer: tier, priority, a running first-response clock and its pending alerts", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      expect(ticket).toMatchObject({
        status: "NEW",
        kind: "STANDARD",
        paidOffer: false,
        tier: { code: "GOLD" },
        priority: { rank: 4, label: "highest" },
        language: "de",
      });
      expect(clockOf(ticket)).toMatchObject({
        state: "RUNNING",
        startedAt: "2026-03-02T09:00:00.000Z",
        dueAt: "2026-03-02T13:00:00.000Z",
        remainingBusinessMinutes: 240,
        guaranteed: true,
      });
      expect(clockOf(ticket).calendar.name).toBe("Paid support levels");
      expect(ticket.nextDueAt).toBe("2026-03-02T13:00:00.000Z");
      expect(ticket.atRiskAt).toBe("2026-03-02T12:00:00.000Z");
      expect((await alertsOf(ticket.id)).map((a) => [a.kind, a.threshold, a.fireAt.toISOString()])).toEqual([
        ["WARNING", 0.75, "2026-03-02T12:00:00.000Z"],
        ["WARNING", 0.9, "2026-03-02T12:36:00.000Z"],
        ["BREACHED", 1, "2026-03-02T13:00:00.001Z"],
      ]);
    });

    it("holds the first-response clock while required information is missing, and starts it when complete", async () => {
      clock.set(mon("10:00"));
      const input = { customerNumber: "C-GOLD", requestTypeCode: "DEFECT", flags: ["BROKEN_DATABASE"], providedInformation: ["environment"] };
      const ticket = await createTicket(t, input);
      expect(ticket.status).toBe("AWAITING_INFORMATION");
      expect(ticket.missingInformation.map((item: { key: string }) => item.key)).toEqual(["reproductionSteps", "databaseBackup", "screenshots"]);
      expect(clockOf(ticket)).toMatchObject({ state: "NOT_STARTED", startedAt: null, dueAt: null });
      expect(ticket.nextDueAt).toBeNull();
      expect(await alertsOf(ticket.id)).toEqual([]);

      clock.set(mon("11:00"));
      const partly = await ticketDone(t, "ticketInformationProvide", { ticketId: ticket.id, keys: ["reproductionSteps", "databaseBackup"] }, customerGold);
      expect(partly.status).toBe("AWAITING_INFORMATION");
      expect(clockOf(partly).state).toBe("NOT_STARTED");

      clock.set(mon("11:30"));
      const complete = await ticketDone(t, "ticketInformationProvide", { ticketId: ticket.id, keys: ["screenshots"] }, customerGold);
      expect(complete).toMatchObject({ status: "NEW", missingInformation: [] });
      expect(clockOf(complete)).toMatchObject({ state: "RUNNING", startedAt: "2026-03-02T10:30:00.000Z", dueAt: "2026-03-02T14:30:00.000Z" });
      expect(await alertsOf(ticket.id)).toHaveLength(3);

      const unknown = await ticketDo(t, "ticketInformationProvide", { ticketId: ticket.id, keys: ["screenshots", "phoneNumber"] });
      expect(unknown).toMatchObject({ __typename: "ValidationError", field: "keys.1" });
    });

    it("a closed channel is no refusal: the clock counts from the next opening", async () => {
      clock.set("2026-03-07T10:00:00+01:00"); // Saturday
      const ticket = await createTicket(t, { customerNumber: "C-GOLD", channel: "PHONE_CALLBACK" });
      expect(ticket.intakeReasons).toContainEqual({ code: "CHANNEL_CLOSED", blocking: true });
      expect(clockOf(ticket)).toMatchObject({ state: "RUNNING", dueAt: "2026-03-09T12:00:00.000Z", remainingBusinessMinutes: 240 });
    });

    it("accepts out-of-scope requests as PAID_OFFER tickets without SLA clocks", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-BASIS", requestTypeCode: "CUSTOMISATION" });
      expect(ticket).toMatchObject({ kind: "PAID_OFFER", paidOffer: true, status: "NEW", slaClocks: [], nextDueAt: null, tier: { code: "BASIS" } });
      expect(ticket.intakeReasons).toContainEqual({ code: "OUT_OF_SCOPE", blocking: true });
    });

    it("refuses written-only requests on the phone with WrittenChannelRequiredError", async () => {
      clock.set(mon("10:00"));
      const result = await tryCreateTicket(t, { customerNumber: "C-DLV", channel: "PHONE", requestTypeCode: "REFUND" });
      expect(result).toMatchObject({
        __typename: "WrittenChannelRequiredError",
        code: "WRITTEN_CHANNEL_REQUIRED",
        field: "channel",
        writtenChannels: ["TICKET", "CHAT"],
      });
    });

    it("refuses a chat contact about an open matter until its first-response time has passed (TooEarlyToEscalateError)", async () => {
      clock.set(mon("10:00"));
      await createTicket(t, { customerNumber: "C-DLV", channel: "TICKET", language: "en" });
      clock.set(mon("15:00"));
      const early = await tryCreateTicket(t, { customerNumber: "C-DLV", channel: "CHAT" });
      expect(early).toMatchObject({
        __typename: "TooEarlyToEscalateError",
        code: "TOO_EARLY_TO_ESCALATE",
        field: "channel",
        allowedAt: "2026-03-03T09:00:00.000Z",
      });
      // another matter may be raised by chat at once
      await createTicket(t, {
        customerNumber: "C-DLV",
        channel: "CHAT",
        requestTypeCode: "TECHNICAL_QUESTION",
        providedInformation: ["environment", "reproductionSteps", "screenshots"],
      });
      clock.set(tue("10:00"));
      expect((await createTicket(t, { customerNumber: "C-DLV", channel: "PHONE" })).channel).toBe("PHONE");
    });

    it.each([
      ["a channel not in the tier", { channel: "PHONE" }, "channel", ["CHANNEL_NOT_IN_TIER"]],
      ["a language not offered", { language: "fr" }, "language", ["LANGUAGE_NOT_OFFERED"]],
      ["a premium-only request", { requestTypeCode: "HOW_TO" }, "requestTypeCode", ["PREMIUM_REQUIRED"]],
    ])("refuses %s with NotEntitledError and writes nothing", async (_label, extra, field, codes) => {
      clock.set(mon("10:00"));
      const before = await t.prisma.ticket.count();
      const result = await tryCreateTicket(t, { customerNumber: "C-BASIS", ...extra });
      expect(result).toMatchObject({ __typename: "NotEntitledError", code: "NOT_ENTITLED", field, reasons: codes.map((code) => ({ code })) });
      expect(await t.prisma.ticket.count()).toBe(before);
    });

    it.each([
      ["an unknown customer", { customerNumber: "C-NOBODY" }, "NotFoundError", "customerNumber"],
      ["an unknown request type", { requestTypeCode: "NO_SUCH_TYPE" }, "NotFoundError", "requestTypeCode"],
      ["an empty subject", { subject: "  " }, "ValidationError", "subject"],
      [
        "eleven attachments",
        { attachments: Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, contentType: "text/plain", size: 1, checksum: sha })) },
        "ValidationError",
        "attachments",
      ],
      [
        "an attachment over 25 MiB",
        { attachments: [{ name: "dump.sql", contentType: "application/sql", size: 25 * 1024 * 1024 + 1, checksum: sha }] },
        "ValidationError",
        "attachments.0.size",
      ],
      [
        "an attachment name over 200 characters",
        { attachments: [{ name: "x".repeat(201), contentType: "text/plain", size: 1, checksum: sha }] },
        "ValidationError",
        "attachments.0.name",
      ],
      [
        "a checksum that is not sha256 hex",
        { attachments: [{ name: "a.png", contentType: "image/png", size: 1, checksum: "abc" }] },
        "ValidationError",
        "attachments.0.checksum",
      ],
      ["an unknown flag-free checklist key", { providedInformation: ["phoneNumber"] }, "ValidationError", "providedInformation.0"],
    ])("rejects %s naming the field, writing nothing", async (_label, extra, type, field) => {
      clock.set(mon("10:00"));
      const before = await t.prisma.ticket.count();
      expect(await tryCreateTicket(t, { customerNumber: "C-GOLD", ...extra })).toMatchObject({ __typename: type, field });
      expect(await t.prisma.ticket.count()).toBe(before);
    });

    it("keeps attachments", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, {
        customerNumber: "C-GOLD",
        attachments: [{ name: "export.log", contentType: "Text/Plain", size: 1234, checksum: sha.toUpperCase() }],
      });
      const { ticket: read } = dataOf(await t.gql(`query($id: ID!) { ticket(id: $id) { attachments { name contentType size checksum } } }`, { id: ticket.id }));
      expect(read.attachments).toEqual([{ name: "export.log", contentType: "text/plain", size: 1234, checksum: sha }]);
    });

    it("replays an idempotency key to the original ticket; another payload with it is IdempotencyKeyReusedError", async () => {
      clock.set(mon("10:00"));
      const first = await createTicket(t, { customerNumber: "C-GOLD", idempotencyKey: "mail-4711" });
      clock.set(mon("10:05"));
      const again = await createTicket(t, { customerNumber: "C-GOLD", idempotencyKey: "mail-4711" });
      expect(again.id).toBe(first.id);
      expect(await tryCreateTicket(t, { customerNumber: "C-GOLD", idempotencyKey: "mail-4711", subject: "Another matter" })).toMatchObject({
        __typename: "IdempotencyKeyReusedError",
        field: "idempotencyKey",
      });
    });
  });

  describe("lifecycle and clocks", () => {
    it("pauses while awaiting the customer, resumes on the reply, and the first public reply meets the target", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      clock.set(mon("11:00"));
      const waiting = await ticketDone(t, "ticketAwaitCustomer", { ticketId: ticket.id });
      expect(waiting).toMatchObject({ status: "AWAITING_CUSTOMER", nextDueAt: null, atRiskAt: null });
      expect(clockOf(waiting)).toMatchObject({ state: "PAUSED", dueAt: null, remainingBusinessMinutes: 180 });
      expect(await alertsOf(ticket.id)).toEqual([]);

      clock.set(mon("13:00"));
      expect(clockOf(await readTicket(t, ticket.id))).toMatchObject({ state: "PAUSED", remainingBusinessMinutes: 180 });
      const replied = await ticketDone(t, "ticketCustomerReply", { ticketId: ticket.id, body: "Here is the log." }, customerGold);
      expect(replied.status).toBe("OPEN");
      expect(clockOf(replied)).toMatchObject({ state: "RUNNING", dueAt: "2026-03-02T15:00:00.000Z", remainingBusinessMinutes: 180 });
      expect((await alertsOf(ticket.id)).map((a) => a.fireAt.toISOString())).toEqual([
        "2026-03-02T14:00:00.000Z",
        "2026-03-02T14:36:00.000Z",
        "2026-03-02T15:00:00.001Z",
      ]);

      clock.set(mon("15:00"));
      const answered = await ticketDone(t, "ticketReply", { ticketId: ticket.id, body: "Fixed in 4.2.1.", public: true });
      expect(clockOf(answered)).toMatchObject({ state: "MET", metAt: "2026-03-02T14:00:00.000Z", remainingBusinessMinutes: 60 });
      expect(answered.nextDueAt).toBeNull();
      expect(await alertsOf(ticket.id)).toEqual([]);
    });

    it("is on time at the due instant itself and BREACHED 1 ms after it, in the clock and the breached filter", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD", subject: "Breach watch" });
      const breachedIds = async () =>
        dataOf(await t.gql(`{ tickets(first: 200, filter: { breached: true }) { edges { node { id } } } }`)).tickets.edges.map((edge: any) => edge.node.id);
      for (const instant of ["2026-03-02T12:59:59.999Z", "2026-03-02T13:00:00.000Z"]) {
        clock.set(instant);
        expect(clockOf(await readTicket(t, ticket.id))).toMatchObject({ state: "RUNNING", breached: false, remainingBusinessMinutes: 0 });
        expect(await breachedIds()).not.toContain(ticket.id);
      }
      clock.set("2026-03-02T13:00:00.001Z");
      expect(clockOf(await readTicket(t, ticket.id))).toMatchObject({ state: "BREACHED", breached: true });
      expect(await breachedIds()).toContain(ticket.id);
      // the same ticket seen at an earlier instant
      expect((await readTicket(t, ticket.id, undefined, mon("12:00"))).clocksAt).toEqual([
        { kind: "FIRST_RESPONSE", state: "RUNNING", remainingBusinessMinutes: 120 },
      ]);
    });

    it("counts a reply at exactly the due instant as MET: no BREACHED alert, compliant in the SLA report", async () => {
      // 3 March, Gold 4 working hours from 09:00: due 13:00 Berlin (12:00Z). Replies 1 ms before, at and 1 ms after it.
      clock.set(tue("09:00:00"));
      const tickets = [];
      for (const subject of ["before", "at", "after"]) tickets.push(await createTicket(t, { customerNumber: "C-GOLD", subject: `Exact ${subject}` }));
      const states = [];
      for (const [i, ticket] of tickets.entries()) {
        clock.set(Date.parse("2026-03-03T12:00:00.000Z") + i - 1);
        expect(await t.app.slaMonitor.tick()).toBeGreaterThanOrEqual(0);
        const replied = await ticketDone(t, "ticketReply", { ticketId: ticket.id, body: "Answered.", public: true });
        states.push(clockOf(replied).state);
      }
      expect(states).toEqual(["MET", "MET", "MET_LATE"]);
      const ids = tickets.map((ticket) => Buffer.from(ticket.id, "base64url").toString().split(":")[1]!);
      const breaches = await t.prisma.slaAlert.findMany({ where: { ticketId: { in: ids }, kind: "BREACHED" }, select: { ticketId: true, firedAt: true } });
      expect(breaches.map((row) => [ids.indexOf(row.ticketId), row.firedAt !== null])).toEqual([[2, true]]);
      clock.set(tue("16:00:00"));
      const report = dataOf(
        await t.gql(`query($from: DateTime!, $to: DateTime!) { slaReport(from: $from, to: $to, groupBy: TIER) { total { tickets met breached } } }`, {
          from: "2026-03-03T08:00:00.000Z",
          to: "2026-03-03T08:00:00.001Z",
        }),
      ).slaReport;
      expect(report.total).toEqual({ tickets: 3, met: 2, breached: 1 });
    });

    it("refuses invalid transitions naming the current status; reopens only within the window", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      await ticketDone(t, "ticketSolve", { ticketId: ticket.id });
      expect(await ticketDo(t, "ticketAwaitCustomer", { ticketId: ticket.id })).toMatchObject({
        __typename: "InvalidTransitionError",
        code: "INVALID_TRANSITION",
        status: "SOLVED",
      });
      expect(await ticketDone(t, "ticketReopen", { ticketId: ticket.id }, customerGold)).toMatchObject({ status: "OPEN" });
      await ticketDone(t, "ticketSolve", { ticketId: ticket.id });
      clock.set("2026-03-09T10:00:00+01:00"); // seven days later
      expect(await ticketDo(t, "ticketReopen", { ticketId: ticket.id }, customerGold)).toMatchObject({
        __typename: "InvalidTransitionError",
        status: "SOLVED",
      });
      expect(await ticketDone(t, "ticketClose", { ticketId: ticket.id }, customerGold)).toMatchObject({ status: "CLOSED" });
      expect(await ticketDo(t, "ticketCustomerReply", { ticketId: ticket.id, body: "One more thing" }, customerGold)).toMatchObject({ status: "CLOSED" });
    });

    it("ON_HOLD keeps the clocks running", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      clock.set(mon("11:00"));
      const held = await ticketDone(t, "ticketHold", { ticketId: ticket.id });
      expect(held.status).toBe("ON_HOLD");
      expect(clockOf(held)).toMatchObject({ state: "RUNNING", dueAt: "2026-03-02T13:00:00.000Z" });
      expect((await ticketDone(t, "ticketResume", { ticketId: ticket.id })).status).toBe("OPEN");
    });

    it("rejects unknown and malformed ticket ids naming ticketId, and customers cannot work tickets", async () => {
      const missing = Buffer.from("Ticket:00000000-0000-7000-8000-000000000000").toString("base64url");
      expect(await ticketDo(t, "ticketSolve", { ticketId: missing })).toMatchObject({ __typename: "NotFoundError", field: "ticketId" });
      expect(await ticketDo(t, "ticketSolve", { ticketId: "nonsense" })).toMatchObject({ __typename: "ValidationError", field: "ticketId" });
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      expect(await ticketDo(t, "ticketSolve", { ticketId: ticket.id }, customerGold)).toMatchObject({ __typename: "ForbiddenError" });
      expect(await ticketDo(t, "ticketSolve", { ticketId: ticket.id }, customerBasis)).toMatchObject({ __typename: "NotFoundError", field: "ticketId" });
    });

    it("changes the tier mid-ticket keeping the elapsed business time, and records it", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      clock.set(mon("11:00"));
      const changed = await ticketDone(t, "ticketTierChange", { ticketId: ticket.id, tierCode: "BRONZE" });
      expect(changed).toMatchObject({ tier: { code: "BRONZE" }, priority: { rank: 2, label: "medium" } });
      expect(clockOf(changed)).toMatchObject({
        state: "RUNNING",
        elapsedBusinessMinutes: 60,
        remainingBusinessMinutes: 660,
        dueAt: "2026-03-03T13:00:00.000Z",
      });
      const { ticket: read } = dataOf(await t.gql(`query($id: ID!) { ticket(id: $id) { history { kind data } } }`, { id: ticket.id }));
      expect(read.history.map((entry: { kind: string }) => entry.kind)).toEqual(["CREATED", "TIER_CHANGED"]);
      expect(JSON.parse(read.history[1].data)).toMatchObject({ toTierCode: "BRONZE" });
    });
  });

  describe("messages and visibility", () => {
    it("keeps a thread; customers never see internal notes nor other accounts' tickets", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" }, customerGold);
      await ticketDone(t, "ticketReply", { ticketId: ticket.id, body: "Customer seems to run 4.1", public: false });
      await ticketDone(t, "ticketReply", { ticketId: ticket.id, body: "Please update to 4.2.", public: true });
      const thread = `query($id: ID!) { ticket(id: $id) { messages(first: 10) { totalCount edges { node { kind body } } } } }`;
      const staff = dataOf(await t.gql(thread, { id: ticket.id })).ticket.messages;
      expect(staff.edges.map((edge: any) => edge.node.kind)).toEqual(["INTERNAL_NOTE", "PUBLIC_REPLY"]);
      const customer = dataOf(await t.gql(thread, { id: ticket.id }, customerGold)).ticket.messages;
      expect(customer).toMatchObject({ totalCount: 1, edges: [{ node: { kind: "PUBLIC_REPLY" } }] });
      expect(dataOf(await t.gql(thread, { id: ticket.id }, customerBasis)).ticket).toBeNull();
      expect(await ticketDo(t, "ticketReply", { ticketId: ticket.id, body: "hi", public: true }, customerGold)).toMatchObject({ __typename: "ForbiddenError" });
    });
  });

  describe("work logs", () => {
    const WORK_LOG = `mutation($input: TicketWorkLogInput!) { ticketWorkLog(input: $input) {
      __typename ... on TicketWorkLogSuccess { workLog { id minutes unitsDebited } } ... on Error { code } ... on InsufficientUnitsError { balance shortfall } } }`;
    const balance = async () => (await t.prisma.account.findFirstOrThrow({ where: { customerNumber: "C-CRM" } })).unitBalance;

    it("debits ⌈minutes / 15⌉ units on a unit-based tier, once per key; InsufficientUnitsError writes nothing", async () => {
      clock.set(mon("10:00"));
      const adjust = `mutation { unitsAdjust(input: { customerNumber: "C-CRM", units: 4, reason: "Opening balance", idempotencyKey: "open-1" }) { __typename } }`;
      expect(dataOf(await t.gql(adjust)).unitsAdjust.__typename).not.toMatch(/Error/);
      const ticket = await createTicket(t, { customerNumber: "C-CRM", channel: "TICKET" });
      expect(ticket.tier.code).toBe("CRM-PREMIUM");
      const log = (minutes: number, key: string) => t.gql(WORK_LOG, { input: { ticketId: ticket.id, minutes, note: "Remote session", idempotencyKey: key } });
      const first = dataOf(await log(20, "w-1")).ticketWorkLog;
      expect(first).toMatchObject({ __typename: "TicketWorkLogSuccess", workLog: { minutes: 20, unitsDebited: 2 } });
      expect(await balance()).toBe(2);
      expect(dataOf(await log(20, "w-1")).ticketWorkLog.workLog.id).toBe(first.workLog.id);
      expect(await balance()).toBe(2);
      expect(dataOf(await log(25, "w-1")).ticketWorkLog).toMatchObject({ __typename: "IdempotencyKeyReusedError" });
      expect(dataOf(await log(40, "w-2")).ticketWorkLog).toMatchObject({
        __typename: "InsufficientUnitsError",
        code: "INSUFFICIENT_UNITS",
        balance: 2,
        shortfall: 1,
      });
      expect(await t.prisma.ticketWorkLog.count({ where: { ticket: { account: { customerNumber: "C-CRM" } } } })).toBe(1);
    });

    it("records work without units on other tiers", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      const result = dataOf(await t.gql(WORK_LOG, { input: { ticketId: ticket.id, minutes: 10, note: "Checked logs", idempotencyKey: "g-1" } })).ticketWorkLog;
      expect(result).toMatchObject({ __typename: "TicketWorkLogSuccess", workLog: { unitsDebited: null } });
    });

    it("every row of a ticket gets a time-ordered id (UUID version 7, as the rows Prisma writes): the ticket, its clocks, history, alerts and work logs", async () => {
      clock.set(mon("10:00"));
      const ticket = await createTicket(t, { customerNumber: "C-GOLD" });
      const row = await t.prisma.ticket.findFirstOrThrow({
        where: { account: { customerNumber: "C-GOLD" } },
        orderBy: { createdAt: "desc" },
        include: { clocks: true, events: true, alerts: true },
      });
      const logged = dataOf(await t.gql(WORK_LOG, { input: { ticketId: ticket.id, minutes: 5, note: "Checked again", idempotencyKey: "v7-1" } })).ticketWorkLog;
      expect(logged.__typename).toBe("TicketWorkLogSuccess");
      const ids = [
        row.id,
        ...[row.clocks, row.events, row.alerts].flat().map((child) => child.id),
        ...(await t.prisma.ticketWorkLog.findMany({ where: { ticketId: row.id } })).map((log) => log.id),
      ];
      expect(row.clocks.length * row.events.length * row.alerts.length).toBeGreaterThan(0);
      expect(ids.filter((id) => version(id) !== 7)).toEqual([]);
    });
  });
});
