import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmailPlatform } from "../../fixtures/policies/004-email-platform.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, entitlement, reasonCodes, subscribe } from "../../helpers/support.ts";
import type { TestApp } from "../../helpers/test-app.ts";
import { startPolicyApp } from "../../fixtures/policies/policy-app.ts";

const WEDNESDAY_10 = "2026-03-11T10:00:00+01:00";
const SATURDAY_10 = "2026-03-14T10:00:00+01:00";
const ARTICLES_FOR = `query($customerNumber: String!, $requestType: String!, $language: String) {
  entitlement(customerNumber: $customerNumber, channel: TICKET, requestType: $requestType, language: $language) { language helpArticles { title language } }
}`;
const TICKET_WITH_ARTICLES = `mutation($input: TicketCreateInput!) {
  ticketCreate(input: $input) { __typename ... on TicketCreateSuccess { ticket { language helpArticles(first: 2) { title } } } ... on Error { code message } }
}`;
const WRITTEN_ONLY = ["ACCOUNT_UNLOCK", "CONTACT_DELETION", "BILLING_DATA", "DELIVERABILITY_INVESTIGATION", "INVOICE_REQUEST", "REFUND", "CARD_DATA_DELETION"];

// 004 — tickets for all paying customers 24/7 in EN/FR/DE/ES; chat and phone by subscription
// Mon–Fri 09–18 in EN/FR with a support PIN; seven kinds of request are written only.
describe("004 e-mail delivery platform", () => {
  let t: TestApp;

  beforeAll(async () => {
    // paid levels are booked on 1 March, before every instant asked about
    t = await startPolicyApp("004", { now: testClock("2026-03-01T00:00:00Z").now });
    await loadEmailPlatform(t);
    await createAccount(t, "C-FREE", { language: "en" });
    await createAccount(t, "C-ESSENTIAL", { language: "es" });
    await createAccount(t, "C-PREMIUM", { language: "fr" });
    await subscribe(t, "C-ESSENTIAL", "DLV-ESSENTIAL");
    await subscribe(t, "C-PREMIUM", "DLV-PREMIUM");
  });
  afterAll(() => t.stop());

  it("gives free plans no support channel: tickets are for paying customers", async () => {
    const answer = await entitlement(t, { customerNumber: "C-FREE", channel: "TICKET", requestType: "TECHNICAL_QUESTION", at: WEDNESDAY_10 });
    expect(answer).toMatchObject({ eligible: false, tier: { code: "DLV-FREE" }, channels: [], promise: [] });
    expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
    expect(answer.reasons[0].message).toContain("DLV-ESSENTIAL, DLV-PREMIUM");
  });

  it("takes a paying customer's Spanish ticket on Sunday night and promises 24 hours", async () => {
    const answer = await entitlement(t, {
      customerNumber: "C-ESSENTIAL",
      channel: "TICKET",
      requestType: "TECHNICAL_QUESTION",
      at: "2026-03-15T03:00:00+01:00",
    });
    expect(answer).toMatchObject({ eligible: true, language: "es", tier: { code: "DLV-ESSENTIAL" }, reasons: [] });
    expect(answer.promise[0]).toMatchObject({ amount: 24, unit: "HOURS", clock: "CALENDAR", guaranteed: false, dueAt: "2026-03-16T02:00:00.000Z" });
  });

  it("offers chat and phone only by subscription", async () => {
    const answer = await entitlement(t, {
      customerNumber: "C-ESSENTIAL",
      channel: "CHAT",
      requestType: "TECHNICAL_QUESTION",
      language: "en",
      at: WEDNESDAY_10,
    });
    expect(reasonCodes(answer)).toEqual(["!CHANNEL_NOT_IN_TIER"]);
    expect(answer.reasons[0].message).toContain("DLV-PREMIUM");
  });

  it.each(WRITTEN_ONLY)("refuses %s on the phone with WRITTEN_CHANNEL_REQUIRED", async (requestType) => {
    const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "PHONE", requestType, at: WEDNESDAY_10 });
    expect(answer.eligible).toBe(false);
    expect(reasonCodes(answer)).toEqual(["!WRITTEN_CHANNEL_REQUIRED", "PIN_REQUIRED"]);
    expect(answer.reasons[0]).toMatchObject({ channel: "PHONE" });
    expect(answer.reasons[0].message).toContain("TICKET or CHAT");
  });

  it.each([
    ["TICKET", [], false],
    ["CHAT", ["PIN_REQUIRED"], true],
  ])("takes a refund in writing on %s", async (channel, codes, pinRequired) => {
    const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel, requestType: "REFUND", at: WEDNESDAY_10 });
    expect(answer).toMatchObject({ eligible: true, pinRequired });
    expect(reasonCodes(answer)).toEqual(codes);
  });

  it("has the phone agent verify the support PIN", async () => {
    const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "PHONE", requestType: "TECHNICAL_QUESTION", language: "en", at: WEDNESDAY_10 });
    expect(answer).toMatchObject({ eligible: true, pinRequired: true });
    expect(answer.reasons).toEqual([expect.objectContaining({ code: "PIN_REQUIRED", blocking: false, channel: "PHONE" })]);
  });

  it("answers chat in French on Saturday 10:00 with CHANNEL_CLOSED and the Monday 09:00 opening", async () => {
    const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel: "CHAT", requestType: "TECHNICAL_QUESTION", language: "fr", at: SATURDAY_10 });
    expect(answer.eligible).toBe(false);
    expect(answer.reasons[0]).toMatchObject({ code: "CHANNEL_CLOSED", blocking: true, channel: "CHAT", nextOpeningAt: "2026-03-16T08:00:00.000Z" });
    expect(answer.reasons[0].message).toContain("Monday 2026-03-16 09:00 (Europe/Berlin)");
    expect(answer.channels).toEqual([
      { channel: "TICKET", open: true, nextOpeningAt: "2026-03-14T09:00:00.000Z", languages: ["en", "fr", "de", "es"], pinRequired: false, written: true },
      { channel: "CHAT", open: false, nextOpeningAt: "2026-03-16T08:00:00.000Z", languages: ["en", "fr"], pinRequired: true, written: true },
      { channel: "PHONE", open: false, nextOpeningAt: "2026-03-16T08:00:00.000Z", languages: ["en", "fr"], pinRequired: true, written: false },
    ]);
  });

  it.each([
    ["CHAT", "de", ["!LANGUAGE_NOT_OFFERED", "PIN_REQUIRED"]],
    ["PHONE", "es", ["!LANGUAGE_NOT_OFFERED", "PIN_REQUIRED"]],
    ["TICKET", "de", []],
  ])("%s in %s", async (channel, language, codes) => {
    const answer = await entitlement(t, { customerNumber: "C-PREMIUM", channel, requestType: "TECHNICAL_QUESTION", language, at: WEDNESDAY_10 });
    expect(reasonCodes(answer)).toEqual(codes);
  });

  describe("points customers to help-centre articles before they open a ticket", () => {
    const titles = (articles: { title: string }[]) => articles.map((article) => article.title);

    it.each([
      ["C-PREMIUM", undefined, "fr", "Pourquoi mes e-mails arrivent-ils en spam ?"],
      ["C-PREMIUM", "de", "de", "Warum landen meine E-Mails im Spam?"],
      ["C-ESSENTIAL", undefined, "es", "¿Por qué mis correos llegan a spam?"],
    ])("the entitlement answer for %s in %s carries the deliverability article in its language", async (customerNumber, language, answered, title) => {
      const { entitlement: answer } = dataOf(await t.gql(ARTICLES_FOR, { customerNumber, requestType: "DELIVERABILITY_INVESTIGATION", language }));
      expect(answer).toEqual({ language: answered, helpArticles: [{ title, language: answered }] });
    });

    it("has no articles for a request type the help centre does not cover", async () => {
      const { entitlement: answer } = dataOf(await t.gql(ARTICLES_FOR, { customerNumber: "C-PREMIUM", requestType: "REFUND", language: "en" }));
      expect(answer.helpArticles).toEqual([]);
    });

    it("ticketCreate's success carries the articles that share words with the ticket, in its language, best first", async () => {
      const input = {
        customerNumber: "C-PREMIUM",
        channel: "TICKET",
        language: "en",
        requestTypeCode: "TECHNICAL_QUESTION",
        subject: "Where are my invoices?",
        body: "I need last month's invoice as a PDF.",
      };
      const { ticketCreate } = dataOf(await t.gql(TICKET_WITH_ARTICLES, { input }));
      expect(ticketCreate.__typename, JSON.stringify(ticketCreate)).toBe("TicketCreateSuccess");
      expect(titles(ticketCreate.ticket.helpArticles)).toEqual(["Download your invoices"]);

      const german = {
        ...input,
        language: "de",
        requestTypeCode: "DELIVERABILITY_INVESTIGATION",
        subject: "Rechnungen landen im Spam",
        body: "Unsere Rechnung-Mails kommen nicht an.",
      };
      const deflected = dataOf(await t.gql(TICKET_WITH_ARTICLES, { input: german })).ticketCreate;
      // the deliverability article shares "landen", "Spam" and "Mails" with it; the invoice article "Rechnung" (stemmed, both forms)
      expect(titles(deflected.ticket.helpArticles)).toEqual(["Warum landen meine E-Mails im Spam?", "Rechnungen herunterladen"]);
    });
  });
});
