import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../../src/auth/viewer.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { lowBalanceAfter } from "../../../src/modules/ledger/domain/index.ts";
import type { LedgerWrite } from "../../../src/modules/ledger/index.ts";
import { collectLowBalanceEvents, debitWork, expectLedgerConsistent } from "../../helpers/ledger.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const ADMIN: Viewer = { role: "ADMIN", tokenId: null, partnerId: null, accountId: null };
const OVERDRAFT = 5;
const THRESHOLD = 10;

interface Operation {
  key: string;
  run: () => Promise<LedgerWrite>;
}

/**
 * 200 writes at once against one account: purchases and work debits, most keys sent twice (a
 * client retrying), some keys reused with a different payload. On PostgreSQL they really run in
 * parallel on a pool of connections; on PGlite (one connection) they queue, and must still be right.
 */
describe("200 concurrent ledger writes on one account", () => {
  let t: TestApp;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const account = await t.app.services.accounts.create(ADMIN, { customerNumber: "C-RACE", name: "Race Condition GmbH" });
    accountId = account.id;
    await t.app.services.unitPackages.create(ADMIN, { code: "UNITS-4", name: "4 units", units: 4, price: { amountMinor: 9900, currency: "EUR" } });
    await t.app.services.ledger.updateSettings(ADMIN, { customerNumber: "C-RACE", overdraftLimit: OVERDRAFT, lowBalanceThreshold: THRESHOLD });
    await t.app.services.ledger.purchase(ADMIN, { customerNumber: "C-RACE", packageCode: "UNITS-4", quantity: 15, idempotencyKey: "opening-balance" });
  });
  afterAll(() => t.stop());

  // Supply: 60 units to start, 25 purchases of 4 or 8 units and the overdraft of 5 (at most 185)
  // against 199 units of work, so some debits must fail; five purchase keys are resent with another quantity.
  function operation(i: number): Operation {
    if (i % 4 === 0) {
      const key = `buy-${Math.floor(i / 8)}`; // sent twice: i = 8k and 8k + 4
      const quantity = i % 40 === 4 ? 2 : 1; // the resend of every fifth key asks for more
      return { key, run: () => t.app.services.ledger.purchase(ADMIN, { customerNumber: "C-RACE", packageCode: "UNITS-4", quantity, idempotencyKey: key }) };
    }
    const log = Math.floor(i / 2); // odd work logs are sent twice with the same key and minutes
    const key = `work-${log}`;
    const minutes = 15 * (1 + (log % 3));
    return { key, run: () => debitWork(t.app, { accountId, minutes, ticketId: "T-RACE", workLogId: `wl-${log}`, idempotencyKey: key }) };
  }

  it("keeps balance = sum of entries = stored balance, within the overdraft, without duplicates or gaps", async () => {
    const events = collectLowBalanceEvents(t.app);
    const operations = Array.from({ length: 200 }, (_, i) => operation(i));
    const outcomes = await Promise.allSettled(operations.map((op) => op.run()));

    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    for (const failure of failures) {
      expect(failure, String(failure?.stack ?? failure)).toBeInstanceOf(DomainError);
      expect(["INSUFFICIENT_UNITS", "IDEMPOTENCY_KEY_REUSED"]).toContain((failure as DomainError).code);
    }
    const successes = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [{ key: operations[i]!.key, write: outcome.value }] : []));
    expect(failures.filter((failure) => failure.code === "IDEMPOTENCY_KEY_REUSED")).toHaveLength(5);
    expect(failures.some((failure) => failure.code === "INSUFFICIENT_UNITS")).toBe(true);

    // One key, one entry: every success for a key names the same entry, and exactly one of them wrote it.
    const byKey = new Map<string, typeof successes>();
    for (const success of successes) byKey.set(success.key, [...(byKey.get(success.key) ?? []), success]);
    for (const [key, results] of byKey) {
      expect(new Set(results.map((result) => result.write.entry.id)).size, key).toBe(1);
      expect(results.filter((result) => !result.write.replayed).length, key).toBe(1);
    }
    const entries = await t.app.db.prisma.unitLedgerEntry.findMany({ where: { accountId }, orderBy: { seq: "asc" } });
    expect(entries.map((entry) => entry.idempotencyKey).sort()).toEqual([...byKey.keys(), "opening-balance"].sort());
    expect(entries.filter((entry) => entry.kind === "PURCHASE")).toHaveLength(26);
    // The opening 60 units and the overdraft alone pay for at least 21 debits of at most 3 units.
    expect(entries.filter((entry) => entry.kind === "WORK_DEBIT").length).toBeGreaterThanOrEqual(21);
    expect(new Set(entries.map((entry) => entry.workLogId).filter(Boolean)).size).toBe(entries.filter((entry) => entry.workLogId).length);

    const { balance } = await expectLedgerConsistent(t.app, accountId);
    expect(Math.min(...entries.map((entry) => entry.balanceAfter))).toBeGreaterThanOrEqual(-OVERDRAFT);
    expect(balance).toBe(entries.at(-1)!.balanceAfter);

    // Alerts are exactly the crossings of the final order of entries, each published once after commit.
    let state = { threshold: THRESHOLD, armed: true };
    const crossings: number[] = [];
    for (const entry of entries) {
      const result = lowBalanceAfter(entry.balanceAfter - entry.units, entry.balanceAfter, state);
      if (result.alert) crossings.push(entry.seq);
      state = { ...state, armed: result.armed };
    }
    const alerts = await t.app.db.prisma.lowBalanceAlert.findMany({ where: { accountId }, include: { entry: { select: { seq: true } } } });
    expect(alerts.map((alert) => alert.entry.seq).sort((a, b) => a - b)).toEqual(crossings);
    expect(crossings.length).toBeGreaterThan(0);
    const published = await events.drain();
    expect(published.map((event) => event.alertId).sort()).toEqual(alerts.map((alert) => alert.id).sort());
    events.close();
  });
});
