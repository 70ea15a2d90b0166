import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dataOf } from "../../helpers/gql.ts";
import { collectLowBalanceEvents, debitWork, expectLedgerConsistent } from "../../helpers/ledger.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const WRITE = `__typename
  ... on UnitLedgerWrite { replayed entry { id seq kind units balanceAfter reason quantity amount { amountMinor currency } package { code } reverses { id } } }
  ... on Error { message code }
  ... on ValidationError { field }
  ... on NotFoundError { field }
  ... on ConflictError { field }
  ... on IdempotencyKeyReusedError { field }
  ... on InsufficientUnitsError { field balance shortfall }`;
const PURCHASE = `mutation($input: UnitsPurchaseInput!) { unitsPurchase(input: $input) { ${WRITE} } }`;
const ADJUST = `mutation($input: UnitsAdjustInput!) { unitsAdjust(input: $input) { ${WRITE} } }`;
const REFUND = `mutation($input: UnitsRefundInput!) { unitsRefund(input: $input) { ${WRITE} } }`;
const REVERSE = `mutation($input: UnitsReverseInput!) { unitsReverse(input: $input) { ${WRITE} } }`;
const SETTINGS = `mutation($input: UnitSettingsUpdateInput!) {
  unitSettingsUpdate(input: $input) {
    __typename
    ... on UnitSettingsUpdateSuccess { ledger { balance lowBalanceThreshold overdraftLimit lowBalanceArmed } }
    ... on Error { message code }
    ... on ValidationError { field }
    ... on NotFoundError { field }
  }
}`;
const LEDGER = `query($customerNumber: String!, $first: Int, $after: String, $order: UnitLedgerOrder) {
  unitLedger(customerNumber: $customerNumber) {
    balance lowBalanceThreshold overdraftLimit lowBalanceArmed
    account { customerNumber }
    entries(first: $first, after: $after, order: $order) {
      totalCount
      edges { cursor node { id seq kind units balanceAfter reason createdAt actor ticketId workLogId } }
      pageInfo { hasNextPage endCursor }
    }
    lowBalanceAlerts { totalCount edges { node { balance threshold entry { seq } } } }
  }
}`;

describe("the prepaid unit ledger through GraphQL", () => {
  let t: TestApp;
  let n = 0;
  /** A fresh account per test keeps every scenario's ledger to itself. */
  let customer: string;
  let accountId: string;
  const key = () => `key-${++n}`;
  const gql = async (query: string, input: Record<string, unknown>, token?: string) => Object.values(dataOf(await t.gql(query, { input }, token)))[0] as any;
  const purchase = (units: "UNITS-4" | "UNITS-20", extra: Record<string, unknown> = {}) =>
    gql(PURCHASE, { customerNumber: customer, packageCode: units, idempotencyKey: key(), ...extra });
  const ledger = async (number = customer, variables: Record<string, unknown> = {}, token?: string) =>
    dataOf(await t.gql(LEDGER, { customerNumber: number, first: 100, ...variables }, token)).unitLedger;
  const _entryCount = async () => (await ledger()).entries.totalCount;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [code, units, price] of [
      ["UNITS-4", 4, 9900],
      ["UNITS-20", 20, 44900],
      ["OLD-8", 8, 15000],
    ] as const) {
      dataOf(
        await t.gql(`mutation($input: UnitPackageCreateInput!) { unitPackageCreate(input: $input) { __typename } }`, {
          input: { code, name: `${units} units`, units, price: { amountMinor: price, currency: "EUR" } },
        }),
      );
    }
    dataOf(await t.gql(`mutation { unitPackageArchive(input: { code: "OLD-8" }) { __typename } }`));
  });
  afterAll(() => t.stop());

  beforeEach(async () => {
    customer = `C-${8000 + ++n}`;
    const created = dataOf(
      await t.gql(`mutation($input: AccountCreateInput!) { accountCreate(input: $input) { ... on AccountCreateSuccess { account { customerNumber } } } }`, {
        input: { customerNumber: customer, name: `Ledger ${customer}` },
      }),
    );
    expect(created.accountCreate.account.customerNumber).toBe(customer);
    accountId = (await t.prisma.account.findFirstOrThrow({ where: { customerNumber: customer } })).id;
  });

  it("a purchase credits the package's units and records what it cost", async () => {
    const bought = await purchase("UNITS-20", { quantity: 2 });
    expect(bought).toMatchObject({
      __typename: "UnitLedgerWrite",
      replayed: false,
      entry: {
        seq: 1,
        kind: "PURCHASE",
        units: 40,
        balanceAfter: 40,
        quantity: 2,
        amount: { amountMinor: 89800, currency: "EUR" },
        package: { code: "UNITS-20" },
      },
    });
    const view = await ledger();
    expect(view).toMatchObject({ balance: 40, lowBalanceThreshold: 4, overdraftLimit: 0, account: { customerNumber: customer } });
    expect(view.entries.edges[0].node).toMatchObject({ kind: "PURCHASE", units: 40, balanceAfter: 40, actor: "ADMIN_TOKEN" });
    const { account } = dataOf(await t.gql(`query($n: String!) { account(customerNumber: $n) { unitLedger { balance } } }`, { n: customer }));
    expect(account.unitLedger).toEqual({ balance: 40 });
    await expectLedgerConsistent(t.app, accountId);
  });

  it("work is debited in units of 15 minutes, rounded up", async () => {
    await purchase("UNITS-20");
    const debits: [number, number][] = [
      [10, 1],
      [15, 1],
      [16, 2],
      [45, 3],
      [61, 5],
    ];
    for (const [i, [minutes, units]] of debits.entries()) {
      const write = await debitWork(t.app, { accountId, minutes, ticketId: "T-1", workLogId: `${customer}-wl-${i}`, idempotencyKey: key() });
      expect(write.entry).toMatchObject({ kind: "WORK_DEBIT", units: -units, ticketId: "T-1", reason: `${minutes} minutes of work` });
    }
    expect((await ledger()).balance).toBe(20 - 12);
    expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 8, entries: 6 });
  });

  it("a debit beyond the balance is an InsufficientUnitsError with balance and shortfall; nothing is written", async () => {
    await purchase("UNITS-4");
    await expect(debitWork(t.app, { accountId, minutes: 76, workLogId: `${customer}-big`, idempotencyKey: key() })).rejects.toMatchObject({
      code: "INSUFFICIENT_UNITS",
      field: "minutes",
      balance: 4,
      shortfall: 2,
    });
    const refund = await gql(REFUND, { customerNumber: customer, units: 5, idempotencyKey: key() });
    expect(refund).toMatchObject({ __typename: "InsufficientUnitsError", code: "INSUFFICIENT_UNITS", field: "units", balance: 4, shortfall: 1 });
    const adjust = await gql(ADJUST, { customerNumber: customer, units: -7, reason: "correction", idempotencyKey: key() });
    expect(adjust).toMatchObject({ __typename: "InsufficientUnitsError", balance: 4, shortfall: 3 });
    expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    expect(await t.prisma.lowBalanceAlert.count({ where: { accountId } })).toBe(0);
  });

  it("work may use the overdraft, but not beyond it, and a refund never does", async () => {
    await purchase("UNITS-4");
    const settings = await gql(SETTINGS, { customerNumber: customer, overdraftLimit: 3 });
    expect(settings).toMatchObject({ __typename: "UnitSettingsUpdateSuccess", ledger: { overdraftLimit: 3, lowBalanceThreshold: 4 } });
    const into = await debitWork(t.app, { accountId, minutes: 105, workLogId: `${customer}-a`, idempotencyKey: key() });
    expect(into.entry.balanceAfter).toBe(-3);
    await expect(debitWork(t.app, { accountId, minutes: 1, workLogId: `${customer}-b`, idempotencyKey: key() })).rejects.toMatchObject({
      code: "INSUFFICIENT_UNITS",
      balance: -3,
      shortfall: 1,
    });
    const refund = await gql(REFUND, { customerNumber: customer, units: 1, idempotencyKey: key() });
    expect(refund).toMatchObject({ __typename: "InsufficientUnitsError", balance: -3, shortfall: 4 });
    const topUp = await purchase("UNITS-4");
    expect(topUp.entry.balanceAfter).toBe(1);
    expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 1, entries: 3 });
  });

  describe("idempotency", () => {
    it("a replay returns the original entry and writes nothing", async () => {
      const input = { customerNumber: customer, packageCode: "UNITS-4", idempotencyKey: "order-4711" };
      const first = await gql(PURCHASE, input);
      const replay = await gql(PURCHASE, { ...input, customerNumber: customer.toLowerCase(), quantity: 1 });
      expect(replay).toEqual({ ...first, replayed: true });
      expect(first.replayed).toBe(false);
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it("a replay of a debit returns the original even when the balance could no longer pay for it", async () => {
      await purchase("UNITS-4");
      const input = { accountId, minutes: 60, workLogId: `${customer}-wl`, idempotencyKey: "worklog-1" };
      const first = await debitWork(t.app, input);
      const replay = await debitWork(t.app, input);
      expect(replay).toMatchObject({ replayed: true, alertId: null, entry: { id: first.entry.id, balanceAfter: 0 } });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 0, entries: 2 });
    });

    it.each([
      ["another package", PURCHASE, { packageCode: "UNITS-20" }],
      ["another quantity", PURCHASE, { packageCode: "UNITS-4", quantity: 2 }],
      ["another operation", ADJUST, { units: 4, reason: "same key, other request" }],
    ])("the same key with %s is an IdempotencyKeyReusedError; nothing is written", async (_label, mutation, change) => {
      await gql(PURCHASE, { customerNumber: customer, packageCode: "UNITS-4", idempotencyKey: "order-4712" });
      const reused = await gql(mutation, { customerNumber: customer, idempotencyKey: "order-4712", ...change });
      expect(reused).toMatchObject({ __typename: "IdempotencyKeyReusedError", code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it("keys are per account: the same key on another account is a new write", async () => {
      await gql(PURCHASE, { customerNumber: customer, packageCode: "UNITS-4", idempotencyKey: "shared-key" });
      dataOf(await t.gql(`mutation { accountCreate(input: { customerNumber: "C-ONE-MORE", name: "One more" }) { __typename } }`));
      const elsewhere = await gql(PURCHASE, { customerNumber: "C-ONE-MORE", packageCode: "UNITS-4", idempotencyKey: "shared-key" });
      expect(elsewhere).toMatchObject({ replayed: false, entry: { seq: 1, balanceAfter: 4 } });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it("a work log is debited once, whatever key the second attempt uses", async () => {
      await purchase("UNITS-20");
      await debitWork(t.app, { accountId, minutes: 15, workLogId: `${customer}-once`, idempotencyKey: key() });
      await expect(debitWork(t.app, { accountId, minutes: 15, workLogId: `${customer}-once`, idempotencyKey: key() })).rejects.toMatchObject({
        code: "CONFLICT",
        field: "workLogId",
      });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 19, entries: 2 });
    });
  });

  describe("reversal", () => {
    it("appends the opposite entry, never edits, and reverses at most once", async () => {
      const bought = await purchase("UNITS-20");
      const input = { entryId: bought.entry.id, reason: "charged by mistake", idempotencyKey: key() };
      const reversal = await gql(REVERSE, input);
      expect(reversal).toMatchObject({
        __typename: "UnitLedgerWrite",
        entry: { seq: 2, kind: "REVERSAL", units: -20, balanceAfter: 0, reason: "charged by mistake", reverses: { id: bought.entry.id } },
      });
      expect(await gql(REVERSE, input)).toEqual({ ...reversal, replayed: true });
      expect(await gql(REVERSE, { ...input, idempotencyKey: key() })).toMatchObject({ __typename: "ConflictError", field: "entryId" });
      expect(await gql(REVERSE, { ...input, entryId: reversal.entry.id, idempotencyKey: key() })).toMatchObject({
        __typename: "ValidationError",
        field: "entryId",
      });
      const original = await t.prisma.unitLedgerEntry.findUniqueOrThrow({ where: { id: databaseId(bought.entry.id) } });
      expect(original).toMatchObject({ units: 20, balanceAfter: 20, kind: "PURCHASE" });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 0, entries: 2 });
    });

    it("reversing a work debit gives the units back", async () => {
      await purchase("UNITS-4");
      const debit = await debitWork(t.app, { accountId, minutes: 30, ticketId: "T-9", workLogId: `${customer}-wl`, idempotencyKey: key() });
      const entry = (await ledger()).entries.edges[0].node;
      expect(entry).toMatchObject({ seq: 2, kind: "WORK_DEBIT", units: -2, ticketId: "T-9", workLogId: debit.entry.workLogId });
      const reversal = await gql(REVERSE, { entryId: entry.id, reason: "not billable", idempotencyKey: key() });
      expect(reversal.entry).toMatchObject({ units: 2, balanceAfter: 4 });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 3 });
    });

    it("a reversal that would overdraw is refused with the shortfall", async () => {
      const bought = await purchase("UNITS-4");
      await debitWork(t.app, { accountId, minutes: 45, workLogId: `${customer}-wl`, idempotencyKey: key() });
      const refused = await gql(REVERSE, { entryId: bought.entry.id, reason: "chargeback", idempotencyKey: key() });
      expect(refused).toMatchObject({ __typename: "InsufficientUnitsError", field: "entryId", balance: 1, shortfall: 3 });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 1, entries: 2 });
    });
  });

  it("the low-balance alert is recorded once and re-armed only after the balance rises above the threshold", async () => {
    const events = collectLowBalanceEvents(t.app);
    try {
      await purchase("UNITS-20"); // 20
      let step = 0;
      const work = (minutes: number) => debitWork(t.app, { accountId, minutes, workLogId: `${customer}-${++step}`, idempotencyKey: key() });
      const adjust = (units: number) => gql(ADJUST, { customerNumber: customer, units, reason: "test", idempotencyKey: key() });

      await work(15 * 15); // 5: above the threshold of 4
      expect(await events.drain()).toEqual([]);
      const crossing = await work(15); // 4: crossing
      expect(crossing.alertId).toBeTruthy();
      expect(await events.drain()).toEqual([{ accountId, alertId: crossing.alertId }]);
      await work(30); // 2
      await adjust(2); // 4: back onto the threshold, not above it
      await work(15); // 3
      expect(await events.drain()).toEqual([]);
      expect((await ledger()).lowBalanceArmed).toBe(false);
      await adjust(2); // 5: above, re-armed
      expect((await ledger()).lowBalanceArmed).toBe(true);
      const second = await work(30); // 3: crossing again
      expect(await events.drain()).toEqual([{ accountId, alertId: second.alertId }]);

      const alerts = (await ledger()).lowBalanceAlerts;
      expect(alerts.totalCount).toBe(2);
      expect(alerts.edges.map((edge: any) => edge.node)).toEqual([
        { balance: 3, threshold: 4, entry: { seq: 8 } },
        { balance: 4, threshold: 4, entry: { seq: 3 } },
      ]);
      await expectLedgerConsistent(t.app, accountId);
    } finally {
      events.close();
    }
  });

  it("a refused write records no alert and publishes nothing", async () => {
    const events = collectLowBalanceEvents(t.app);
    try {
      await purchase("UNITS-4");
      await gql(SETTINGS, { customerNumber: customer, lowBalanceThreshold: 1 });
      await expect(debitWork(t.app, { accountId, minutes: 75, workLogId: `${customer}-x`, idempotencyKey: key() })).rejects.toMatchObject({
        code: "INSUFFICIENT_UNITS",
      });
      expect(await events.drain()).toEqual([]);
      expect(await t.prisma.lowBalanceAlert.count({ where: { accountId } })).toBe(0);
    } finally {
      events.close();
    }
  });

  it("lowering the threshold below the balance re-arms the warning", async () => {
    await purchase("UNITS-4");
    await debitWork(t.app, { accountId, minutes: 15, workLogId: `${customer}-1`, idempotencyKey: key() }); // 3: warned
    expect((await ledger()).lowBalanceArmed).toBe(false);
    const lowered = await gql(SETTINGS, { customerNumber: customer, lowBalanceThreshold: 1 });
    expect(lowered.ledger).toMatchObject({ lowBalanceThreshold: 1, lowBalanceArmed: true });
    const crossing = await debitWork(t.app, { accountId, minutes: 30, workLogId: `${customer}-2`, idempotencyKey: key() }); // 1
    expect(crossing.alertId).toBeTruthy();
  });

  it("pages through entries newest first or oldest first", async () => {
    for (let i = 0; i < 5; i++) await purchase("UNITS-4");
    const newest = await ledger(customer, { first: 2 });
    expect(newest.entries.edges.map((edge: any) => edge.node.seq)).toEqual([5, 4]);
    const next = await ledger(customer, { first: 2, after: newest.entries.pageInfo.endCursor });
    expect(next.entries.edges.map((edge: any) => edge.node.seq)).toEqual([3, 2]);
    const oldest = await ledger(customer, { first: 3, order: "OLDEST_FIRST" });
    expect(oldest.entries.edges.map((edge: any) => edge.node.balanceAfter)).toEqual([4, 8, 12]);
    expect(oldest.entries).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
  });

  describe("who may read and write", () => {
    it("customers and partners read their own ledgers only; only staff write", async () => {
      dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-LEDGER", name: "Ledger Partner" }) { __typename } }`));
      dataOf(await t.gql(`mutation { accountCreate(input: { customerNumber: "C-PARTNERED", name: "Partnered", partnerCode: "P-LEDGER" }) { __typename } }`));
      await purchase("UNITS-4");
      const customerToken = await t.token("CUSTOMER", { customerNumber: customer });
      const partnerToken = await t.token("PARTNER", { partnerCode: "P-LEDGER" });
      const agentToken = await t.token("AGENT");

      const own = await ledger(customer, {}, customerToken);
      expect(own).toMatchObject({ balance: 4 });
      expect(own.entries.edges[0].node.actor).toBeNull();
      expect(await ledger("C-PARTNERED", {}, customerToken)).toBeNull();
      expect(await ledger(customer, {}, partnerToken)).toBeNull();
      expect(await ledger("C-PARTNERED", {}, partnerToken)).toMatchObject({ balance: 0 });

      const entryId = own.entries.edges[0].node.id;
      const foreign = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: entryId }, partnerToken);
      expect(foreign.data?.node ?? null).toBeNull();

      for (const token of [customerToken, partnerToken]) {
        const refused = await gql(PURCHASE, { customerNumber: customer, packageCode: "UNITS-4", idempotencyKey: key() }, token);
        expect(refused).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
      }
      const byAgent = await gql(PURCHASE, { customerNumber: customer, packageCode: "UNITS-4", idempotencyKey: key() }, agentToken);
      expect(byAgent.__typename).toBe("UnitLedgerWrite");
      const agent = (await ledger()).entries.edges[0].node.actor;
      expect(agent).not.toBe("ADMIN_TOKEN");
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 8, entries: 2 });
    });
  });

  describe("bad input: a typed error naming the field, nothing written", () => {
    const cases: [string, string, Record<string, unknown>, string, string][] = [
      ["zero units adjusted", ADJUST, { units: 0, reason: "x" }, "ValidationError", "units"],
      ["an adjustment without a reason", ADJUST, { units: 3, reason: "   " }, "ValidationError", "reason"],
      ["an overlong reason", ADJUST, { units: 3, reason: "r".repeat(501) }, "ValidationError", "reason"],
      ["zero units refunded", REFUND, { units: 0 }, "ValidationError", "units"],
      ["negative units refunded", REFUND, { units: -2 }, "ValidationError", "units"],
      ["an overlong refund reason", REFUND, { units: 1, reason: "r".repeat(501) }, "ValidationError", "reason"],
      ["an unknown package", PURCHASE, { packageCode: "UNITS-999" }, "NotFoundError", "packageCode"],
      ["an archived package", PURCHASE, { packageCode: "OLD-8" }, "ValidationError", "packageCode"],
      ["a malformed package code", PURCHASE, { packageCode: "units 4" }, "ValidationError", "packageCode"],
      ["zero packages", PURCHASE, { packageCode: "UNITS-4", quantity: 0 }, "ValidationError", "quantity"],
      ["101 packages", PURCHASE, { packageCode: "UNITS-4", quantity: 101 }, "ValidationError", "quantity"],
      ["an unknown customer", PURCHASE, { packageCode: "UNITS-4", customerNumber: "C-NOBODY" }, "NotFoundError", "customerNumber"],
      ["a malformed customer number", PURCHASE, { packageCode: "UNITS-4", customerNumber: "who?" }, "ValidationError", "customerNumber"],
      ["an empty idempotency key", PURCHASE, { packageCode: "UNITS-4", idempotencyKey: "" }, "ValidationError", "idempotencyKey"],
      ["an overlong idempotency key", PURCHASE, { packageCode: "UNITS-4", idempotencyKey: "k".repeat(129) }, "ValidationError", "idempotencyKey"],
    ];
    it.each(cases)("%s", async (_label, mutation, input, typename, field) => {
      await purchase("UNITS-4");
      const result = await gql(mutation, { customerNumber: customer, idempotencyKey: key(), ...input });
      expect(result).toMatchObject({ __typename: typename, field });
      expect(result.message).toBeTruthy();
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it.each([
      ["a malformed entry id", { entryId: "garbage" }, "ValidationError"],
      ["another type's id", { entryId: Buffer.from("Account:01a1fddd-e606-773a-b151-98bee23f65a0").toString("base64url") }, "ValidationError"],
      ["an unknown entry", { entryId: Buffer.from("UnitLedgerEntry:01a1fddd-e606-773a-b151-98bee23f65a0").toString("base64url") }, "NotFoundError"],
      ["a reversal without a reason", { reason: "" }, "ValidationError"],
    ])("reversing with %s", async (_label, change, typename) => {
      const bought = await purchase("UNITS-4");
      const result = await gql(REVERSE, { entryId: bought.entry.id, reason: "why", idempotencyKey: key(), ...change });
      expect(result).toMatchObject({ __typename: typename, field: "reason" in change ? "reason" : "entryId" });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it.each([
      ["a negative threshold", { lowBalanceThreshold: -1 }, "lowBalanceThreshold"],
      ["a negative overdraft", { overdraftLimit: -5 }, "overdraftLimit"],
      ["an overdraft beyond the limit", { overdraftLimit: 100_001 }, "overdraftLimit"],
    ])("settings with %s", async (_label, change, field) => {
      const result = await gql(SETTINGS, { customerNumber: customer, ...change });
      expect(result).toMatchObject({ __typename: "ValidationError", field });
      expect(await ledger()).toMatchObject({ lowBalanceThreshold: 4, overdraftLimit: 0 });
    });

    it.each([
      ["zero minutes", { minutes: 0 }, "minutes"],
      ["negative minutes", { minutes: -15 }, "minutes"],
      ["a blank work log", { workLogId: "" }, "workLogId"],
      ["an overlong ticket id", { ticketId: "t".repeat(65) }, "ticketId"],
    ])("debiting work with %s", async (_label, change, field) => {
      await purchase("UNITS-4");
      await expect(debitWork(t.app, { accountId, minutes: 15, workLogId: `${customer}-wl`, idempotencyKey: key(), ...change })).rejects.toMatchObject({
        code: "VALIDATION",
        field,
      });
      expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
    });

    it("debiting an unknown account", async () => {
      await expect(
        debitWork(t.app, { accountId: "00000000-0000-0000-0000-000000000000", minutes: 15, workLogId: "wl-x", idempotencyKey: key() }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
        field: "accountId",
      });
    });
  });

  it("the database refuses to edit or delete an entry", async () => {
    await purchase("UNITS-4");
    const prisma = t.prisma;
    await expect(prisma.unitLedgerEntry.updateMany({ where: { accountId }, data: { units: 400 } })).rejects.toThrow(/append-only/);
    await expect(prisma.unitLedgerEntry.deleteMany({ where: { accountId } })).rejects.toThrow(/append-only/);
    expect(await expectLedgerConsistent(t.app, accountId)).toEqual({ balance: 4, entries: 1 });
  });
});

/** The database id behind a global id. */
const databaseId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
