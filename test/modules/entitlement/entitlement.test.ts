import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, ENTITLEMENT, entitlement, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

describe("the entitlement query", () => {
  let t: TestApp;
  const clock = testClock("2026-03-06T15:00:00Z"); // Friday 16:00 in Berlin
  let partner: string;
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadEcommerceBackoffice(t);
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-SHOP", name: "Shop reseller" }) { __typename } }`));
    await createAccount(t, "C-SOLD", { partnerCode: "P-SHOP", language: "de" });
    await createAccount(t, "C-OWN", { language: "en" });
    await subscribe(t, "C-SOLD", "GOLD");
    partner = await t.token("PARTNER", { partnerCode: "P-SHOP" });
    customer = await t.token("CUSTOMER", { customerNumber: "C-OWN" });
  });
  afterAll(() => t.stop());

  it("answers for now in the account's language when neither is given", async () => {
    const answer = await entitlement(t, { customerNumber: "c-sold", channel: "EMAIL", requestType: "defect" });
    expect(answer).toMatchObject({ customerNumber: "C-SOLD", language: "de", eligible: true, tier: { code: "GOLD" } });
    expect(answer.promise[0].dueAt).toBe("2026-03-09T11:00:00.000Z");
  });

  it("reads the effective tier, priority and request type in one answer", async () => {
    const { entitlement: answer } = dataOf(
      await t.gql(`{ entitlement(customerNumber: "C-SOLD", channel: PHONE_CALLBACK, requestType: "REFUND") {
        eligible account { customerNumber } requestType { code writtenOnly } tier { code targets { kind } channels { channel } } reasons { code }
      } }`),
    );
    expect(answer).toMatchObject({
      eligible: false,
      account: { customerNumber: "C-SOLD" },
      requestType: { code: "REFUND", writtenOnly: true },
      tier: { code: "GOLD" },
    });
    expect(answer.reasons).toEqual([{ code: "WRITTEN_CHANNEL_REQUIRED" }]);
  });

  describe("visibility", () => {
    it("a partner asks about the accounts it sold, not about others", async () => {
      expect((await entitlement(t, { customerNumber: "C-SOLD", channel: "EMAIL", requestType: "DEFECT" }, partner)).tier.code).toBe("GOLD");
      const other = await t.gql(ENTITLEMENT, { customerNumber: "C-OWN", channel: "EMAIL", requestType: "DEFECT" }, partner);
      expect(other.data).toBeNull();
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "customerNumber" });
    });

    it("a customer asks about itself only", async () => {
      expect((await entitlement(t, { customerNumber: "C-OWN", channel: "EMAIL", requestType: "DEFECT" }, customer)).tier.code).toBe("BASIS");
      const other = await t.gql(ENTITLEMENT, { customerNumber: "C-SOLD", channel: "EMAIL", requestType: "DEFECT" }, customer);
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "customerNumber" });
    });

    it("anonymous callers get nothing", async () => {
      const response = await t.gql(ENTITLEMENT, { customerNumber: "C-OWN", channel: "EMAIL", requestType: "DEFECT" }, null);
      // Refused before any resolver runs (by the anonymous budget or, for a cheaper operation, by authorisation): UNAUTHENTICATED either way.
      expect(response.data?.entitlement ?? null).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    });
  });

  describe("bad input names the argument", () => {
    it.each([
      ["an unknown customer", { customerNumber: "C-NONE" }, "NOT_FOUND", "customerNumber"],
      ["a malformed customer number", { customerNumber: "??" }, "VALIDATION", "customerNumber"],
      ["an unknown request type", { requestType: "WISHES" }, "NOT_FOUND", "requestType"],
      ["a malformed request type", { requestType: "no way" }, "VALIDATION", "requestType"],
      ["a malformed language", { language: "German" }, "VALIDATION", "language"],
      ["an instant out of range", { at: "2150-01-01T00:00:00Z" }, "VALIDATION", "at"],
    ])("%s", async (_label, overrides, code, field) => {
      const response = await t.gql(ENTITLEMENT, { customerNumber: "C-SOLD", channel: "EMAIL", requestType: "DEFECT", ...overrides });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
    });

    it("an unknown channel is refused by the schema", async () => {
      const response = await t.gql(ENTITLEMENT, { customerNumber: "C-SOLD", channel: "PIGEON", requestType: "DEFECT" });
      expect(response.errors?.[0]?.message).toContain("PIGEON");
    });
  });
});
