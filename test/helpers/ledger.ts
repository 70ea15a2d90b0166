import { expect } from "vitest";
import type { App } from "../../src/server/app.ts";
import { inDefaultWorkspace, prismaIn } from "./workspace-db.ts";
import { enqueue } from "../../src/events/outbox.ts";
import type { WorkDebitInput } from "../../src/modules/ledger/index.ts";
import { LOCKED_TRANSACTION } from "../../src/db/write-kernel.ts";

/**
 * Checks an account's ledger in the database: entries numbered 1…n without gaps, each running
 * balance the previous one plus its units, never below the overdraft floor for debits, and the
 * stored balance equal to both the sum of the entries and the last running balance.
 */
export async function expectLedgerConsistent(app: App, accountId: string, workspaceId?: string): Promise<{ balance: number; entries: number }> {
  const prisma = prismaIn(app, workspaceId);
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const entries = await prisma.unitLedgerEntry.findMany({ where: { accountId }, orderBy: { seq: "asc" } });
  const sum = await prisma.unitLedgerEntry.aggregate({ where: { accountId }, _sum: { units: true } });
  expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, i) => i + 1));
  let running = 0;
  for (const entry of entries) {
    running += entry.units;
    expect(entry.balanceAfter, `balanceAfter of entry #${entry.seq}`).toBe(running);
    if (entry.kind === "WORK_DEBIT") expect(entry.balanceAfter).toBeGreaterThanOrEqual(-account.overdraftLimit);
  }
  expect(sum._sum.units ?? 0).toBe(account.unitBalance);
  expect(running).toBe(account.unitBalance);
  return { balance: account.unitBalance, entries: entries.length };
}

/** Debits work the way the ticket work-log service will: inside a services transaction of its own. */
export function debitWork(app: App, input: Omit<WorkDebitInput, "actor"> & { actor?: string }) {
  return inDefaultWorkspace(() => app.transaction((tx) => app.services.ledger.debitWork(tx, { actor: "test-worklog", ...input }), LOCKED_TRANSACTION));
}

/** Collects `unitBalanceLow` events from now on; `drain()` returns those published since the last drain. */
export function collectLowBalanceEvents(app: App) {
  const events: { accountId: string; alertId: string }[] = [];
  const markers = new Map<string, () => void>();
  const iterator = app.bus.subscribe("unitBalanceLow");
  // Subscribing happens on the first next(), which the loop calls synchronously.
  void (async () => {
    for await (const event of { [Symbol.asyncIterator]: () => iterator }) {
      const marker = markers.get(event.accountId);
      if (marker) marker();
      else events.push({ accountId: event.accountId, alertId: event.alertId });
    }
  })();
  let count = 0;
  return {
    /** The outbox publishes in order: once a marker enqueued now arrives, every event committed before it has. */
    async drain() {
      const sentinel = `marker-${++count}`;
      const arrived = new Promise<void>((resolve) => markers.set(sentinel, resolve));
      await inDefaultWorkspace(() => app.transaction((tx) => enqueue(tx, "unitBalanceLow", { accountId: sentinel, alertId: sentinel })));
      await arrived;
      return events.splice(0);
    },
    close: () => void iterator.return?.(),
  };
}
