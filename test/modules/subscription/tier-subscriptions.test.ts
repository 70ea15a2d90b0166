import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { violatedUniqueIndex } from "../../../src/db/prisma-helpers.ts";
import { loadEcommerceBackoffice } from "../../fixtures/policies/002-ecommerce-backoffice.ts";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount, SUBSCRIBE, SUBSCRIPTION_FIELDS, subscribe } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const CHANGE = `mutation($input: TierSubscriptionChangeInput!) {
  tierSubscriptionChange(input: $input) {
    __typename
    ... on TierSubscriptionChangeSuccess { subscription { ${SUBSCRIPTION_FIELDS} } }
    ... on Error { code message }
    ... on ValidationError { field }
    ... on NotFoundError { field }
  }
}`;
const RENEW = `mutation($customerNumber: String) {
  tierSubscriptionsRenew(input: { customerNumber: $customerNumber }) { __typename ... on TierSubscriptionsRenewed { renewed ended } }
}`;
const HISTORY = `query($customerNumber: String!) {
  tierSubscriptionHistory(customerNumber: $customerNumber) { kind at actor periodStart periodEnd amount { amountMinor currency } fromTier { code } toTier { code } }
}`;
const SUBSCRIPTIONS = `query($customerNumber: String!) { account(customerNumber: $customerNumber) { tierSubscriptions { ${SUBSCRIPTION_FIELDS} } } }`;

describe("tier subscriptions through GraphQL (002 levels)", () => {
  let t: TestApp;
  const START = "2026-02-10T09:00:00Z";
  const clock = testClock(START);
  let partner: string;
  let customer: string;
  let agent: string;
  const book = async (customerNumber: string, tierCode: string, token?: string) =>
    dataOf(await t.gql(SUBSCRIBE, { input: { customerNumber, tierCode } }, token)).tierSubscribe;
  const history = async (customerNumber: string) => dataOf(await t.gql(HISTORY, { customerNumber })).tierSubscriptionHistory;

  // Shared and never changed by a test: C-B (a customer without a paid level, and its token),
  // C-GONE (closed), the partner and the agent. A test that books creates its own account.
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    await loadEcommerceBackoffice(t);
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-SHOP", name: "Shop reseller" }) { __typename } }`));
    await createAccount(t, "C-B");
    await createAccount(t, "C-GONE", { status: "CLOSED" });
    partner = await t.token("PARTNER", { partnerCode: "P-SHOP" });
    customer = await t.token("CUSTOMER", { customerNumber: "C-B" });
    agent = await t.token("AGENT");
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set(START)); // every test starts on 10 February, 09:00 UTC

  it("prorates the first month by day: 19 EUR × 19 of 28 February days = 12.89 EUR", async () => {
    await createAccount(t, "C-PRORATED");
    const subscription = await subscribe(t, "C-PRORATED", "BRONZE");
    expect(subscription).toMatchObject({
      status: "ACTIVE",
      tier: { code: "BRONZE" },
      startedAt: "2026-02-10T09:00:00.000Z",
      currentPeriodStart: "2026-02-10T09:00:00.000Z",
      currentPeriodEnd: "2026-02-28T23:00:00.000Z",
      autoRenew: true,
      firstPeriodCharge: { amountMinor: 1289, currency: "EUR" },
    });
  });

  it("announces each change through the outbox once committed", async () => {
    await createAccount(t, "C-EVENTS");
    const events = t.app.bus.subscribe("tierSubscriptionChanged");
    const next = events.next(); // the bus listens from the first pull on
    const booked = await subscribe(t, "C-EVENTS", "GOLD");
    const { value } = await next;
    await events.return?.();
    expect(value).toMatchObject({ kind: "SUBSCRIBED", sequence: expect.any(Number) });
    const row = await t.prisma.tierSubscription.findFirstOrThrow({ where: { account: { customerNumber: "C-EVENTS" } } });
    expect(value.subscriptionId).toBe(row.id);
    expect(booked.status).toBe("ACTIVE");
  });

  it("refuses a second paid level while one is active", async () => {
    await createAccount(t, "C-SECOND");
    await subscribe(t, "C-SECOND", "BRONZE");
    expect(await book("C-SECOND", "SILVER")).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", field: "tierCode" });
    expect(await book("C-SECOND", "BRONZE")).toMatchObject({ __typename: "ConflictError", field: "tierCode" });
    expect(dataOf(await t.gql(SUBSCRIPTIONS, { customerNumber: "C-SECOND" })).account.tierSubscriptions).toHaveLength(1);
  });

  it("books exactly one level when two bookings race", async () => {
    await createAccount(t, "C-RACE");
    const results = await Promise.all([book("C-RACE", "GOLD"), book("C-RACE", "SILVER")]);
    expect(results.map((r) => r.__typename).sort()).toEqual(["ConflictError", "TierSubscribeSuccess"]);
    expect(dataOf(await t.gql(SUBSCRIPTIONS, { customerNumber: "C-RACE" })).account.tierSubscriptions).toHaveLength(1);
  });

  it("is backed by a partial unique index when a writer bypasses the service", async () => {
    const prisma = t.prisma;
    await createAccount(t, "C-INDEX");
    await subscribe(t, "C-INDEX", "BRONZE");
    const [active] = await prisma.tierSubscription.findMany({ where: { account: { customerNumber: "C-INDEX" } } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = active!;
    const error = await prisma.tierSubscription.create({ data: copy }).catch((e: unknown) => e);
    expect(violatedUniqueIndex(error)).toBe("TierSubscription_one_active_per_account");
    const ended = await prisma.tierSubscription.create({ data: { ...copy, status: "ENDED" } });
    await prisma.tierSubscription.delete({ where: { id: ended.id } });
  });

  it.each([
    ["the included level", "C-B", "BASIS", "ValidationError", "tierCode"],
    ["an unknown level", "C-B", "PLATINUM", "NotFoundError", "tierCode"],
    ["an unknown customer", "C-NOBODY", "GOLD", "NotFoundError", "customerNumber"],
    ["for a closed account", "C-GONE", "GOLD", "ValidationError", "customerNumber"],
  ])("refuses to book %s", async (_label, customerNumber, tierCode, typename, field) => {
    expect(await book(customerNumber, tierCode)).toMatchObject({ __typename: typename, field });
  });

  it("upgrades and downgrades any time, charging or crediting the difference for the days left", async () => {
    await createAccount(t, "C-CHANGE");
    await subscribe(t, "C-CHANGE", "BRONZE"); // on 10 February: 12.89 EUR
    clock.set("2026-02-20T10:00:00Z"); // 9 of 28 days left
    const up = dataOf(await t.gql(CHANGE, { input: { customerNumber: "C-CHANGE", tierCode: "GOLD" } })).tierSubscriptionChange;
    expect(up.subscription).toMatchObject({ tier: { code: "GOLD" }, currentPeriodEnd: "2026-02-28T23:00:00.000Z", firstPeriodCharge: { amountMinor: 1289 } });
    clock.set("2026-02-25T10:00:00Z"); // 4 days left
    const down = dataOf(await t.gql(CHANGE, { input: { customerNumber: "C-CHANGE", tierCode: "SILVER" } })).tierSubscriptionChange;
    expect(down.subscription.tier.code).toBe("SILVER");
    const changes = (await history("C-CHANGE")).filter((e: any) => e.kind === "CHANGED");
    expect(changes).toEqual([
      expect.objectContaining({ fromTier: { code: "BRONZE" }, toTier: { code: "GOLD" }, amount: { amountMinor: 1286, currency: "EUR" } }),
      expect.objectContaining({ fromTier: { code: "GOLD" }, toTier: { code: "SILVER" }, amount: { amountMinor: -286, currency: "EUR" } }),
    ]);
  });

  it.each([
    ["to the level held", "C-HELD", "SILVER", "SILVER", "ValidationError", "tierCode"],
    ["without an active level", "C-B", null, "GOLD", "NotFoundError", "customerNumber"],
  ])("refuses a change %s", async (_label, customerNumber, held, tierCode, typename, field) => {
    if (held) {
      await createAccount(t, customerNumber);
      await subscribe(t, customerNumber, held);
    }
    expect(dataOf(await t.gql(CHANGE, { input: { customerNumber, tierCode } })).tierSubscriptionChange).toMatchObject({ __typename: typename, field });
  });

  it("renews monthly at the current level's full price, month by month when renewals were missed", async () => {
    // The dated-jobs worker renews at each period end; the admin call then finds nothing left to do.
    await createAccount(t, "C-RENEW");
    await subscribe(t, "C-RENEW", "SILVER"); // 39 EUR a month from 10 February
    clock.set("2026-03-05T10:00:00Z");
    await t.app.datedJobs.tick();
    clock.set("2026-06-10T10:00:00Z");
    await t.app.datedJobs.tick();
    expect(dataOf(await t.gql(RENEW, { customerNumber: "C-RENEW" })).tierSubscriptionsRenew).toEqual({
      __typename: "TierSubscriptionsRenewed",
      renewed: 0,
      ended: 0,
    });
    const renewals = (await history("C-RENEW")).filter((e: any) => e.kind === "RENEWED");
    expect(renewals.map((e: any) => [e.periodStart, e.periodEnd, e.amount.amountMinor, e.actor])).toEqual([
      ["2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z", 3900, "system"],
      ["2026-03-31T22:00:00.000Z", "2026-04-30T22:00:00.000Z", 3900, "system"],
      ["2026-04-30T22:00:00.000Z", "2026-05-31T22:00:00.000Z", 3900, "system"],
      ["2026-05-31T22:00:00.000Z", "2026-06-30T22:00:00.000Z", 3900, "system"],
    ]);
    const [current] = dataOf(await t.gql(SUBSCRIPTIONS, { customerNumber: "C-RENEW" })).account.tierSubscriptions;
    expect(current).toMatchObject({ currentPeriodStart: "2026-05-31T22:00:00.000Z", currentPeriodEnd: "2026-06-30T22:00:00.000Z" });
  });

  describe("who may book", () => {
    it("a customer books its own level, not another's", async () => {
      await createAccount(t, "C-SELF");
      const self = await t.token("CUSTOMER", { customerNumber: "C-SELF" });
      expect(await book("C-SELF", "BRONZE", self)).toMatchObject({ __typename: "TierSubscribeSuccess" });
      expect(await book("C-B", "BRONZE", self)).toMatchObject({ __typename: "NotFoundError", field: "customerNumber" });
      const response = await t.gql(HISTORY, { customerNumber: "C-B" }, self);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "customerNumber" });
    });

    it("a partner books for the accounts it sold and sees their history, no others", async () => {
      await createAccount(t, "C-SOLD", { partnerCode: "P-SHOP" });
      await createAccount(t, "C-UNSOLD");
      expect(await book("C-SOLD", "SILVER", partner)).toMatchObject({ __typename: "TierSubscribeSuccess" });
      expect((await t.gql(HISTORY, { customerNumber: "C-SOLD" }, partner)).data?.tierSubscriptionHistory.map((e: any) => e.kind)).toEqual(["SUBSCRIBED"]);
      expect(await book("C-UNSOLD", "SILVER", partner)).toMatchObject({ __typename: "NotFoundError", field: "customerNumber" });
    });

    it("another customer cannot read a subscription by its node id", async () => {
      await createAccount(t, "C-READ");
      const subscription = await subscribe(t, "C-READ", "BRONZE");
      const mine = await t.gql(`query($id: ID!) { node(id: $id) { ... on TierSubscription { status } } }`, { id: subscription.id }, customer);
      expect(mine).toMatchObject({ data: { node: null } });
      expect(mine.errors).toBeUndefined();
      const asPartner = await t.gql(`query($id: ID!) { node(id: $id) { ... on TierSubscription { status } } }`, { id: subscription.id }, partner);
      expect(asPartner).toMatchObject({ data: { node: null } });
      expect(asPartner.errors).toBeUndefined();
      const asAgent = await t.gql(`query($id: ID!) { node(id: $id) { ... on TierSubscription { status } } }`, { id: subscription.id }, agent);
      expect(asAgent.data?.node).toEqual({ status: "ACTIVE" });
    });

    it("only administrators run renewals", async () => {
      const response = await t.gql(RENEW, {}, agent);
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });
});
