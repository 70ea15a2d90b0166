import { unitsForMinutes } from "../modules/ledger/domain/index.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { appendEntry, type EntryDraft } from "../modules/ledger/index.ts";
import { requestHash } from "../db/request-hash.ts";

const PACKAGES = [
  { code: "UNITS-4", name: "4 units (1 hour)", units: 4, priceMinor: 9_900, currency: "EUR" },
  { code: "UNITS-20", name: "20 units (5 hours)", units: 20, priceMinor: 44_900, currency: "EUR" },
  { code: "UNITS-40", name: "40 units (10 hours)", units: 40, priceMinor: 84_900, currency: "EUR" },
];

type Line = { purchase: string; quantity?: number } | { workMinutes: number } | { adjust: number; reason: string };

/** Demo balances; C-10004 ends one debit above its low-balance threshold of 4. */
const LEDGERS: Record<string, Line[]> = {
  "C-10001": [{ purchase: "UNITS-40" }, { workMinutes: 50 }, { workMinutes: 20 }],
  "C-10002": [{ purchase: "UNITS-20" }, { adjust: 2, reason: "Goodwill after the outage on the 3rd" }],
  "C-10004": [{ purchase: "UNITS-4", quantity: 2 }, { workMinutes: 45 }],
};

/** The unit price list and a few demo ledgers, written through the same append as the API. */
export async function seedUnitLedgers(tx: Prisma.TransactionClient): Promise<void> {
  await tx.unitPackage.createMany({ data: PACKAGES });
  const packages = new Map((await tx.unitPackage.findMany()).map((pkg) => [pkg.code, pkg]));
  let step = 0;
  for (const [customerNumber, lines] of Object.entries(LEDGERS)) {
    const account = await tx.account.findUniqueOrThrow({ where: { customerNumber }, select: { id: true } });
    for (const line of lines) {
      const key = `demo-${++step}`;
      const draft = entryFor(line, packages, key);
      const request = {
        accountId: account.id,
        idempotencyKey: key,
        requestHash: requestHash(`DEMO_${draft.kind}`, { units: draft.units }),
        actor: "SEED",
        at: new Date(),
        fields: { account: "customerNumber", units: "units" },
      };
      await appendEntry(tx, request, async () => draft);
    }
  }
}

function entryFor(line: Line, packages: Map<string, (typeof PACKAGES)[number] & { id: string }>, key: string): EntryDraft {
  if ("purchase" in line) {
    const pkg = packages.get(line.purchase)!;
    const quantity = line.quantity ?? 1;
    return {
      kind: "PURCHASE",
      units: pkg.units * quantity,
      reason: null,
      packageId: pkg.id,
      quantity,
      amountMinor: pkg.priceMinor * quantity,
      currency: pkg.currency,
    };
  }
  if ("workMinutes" in line) {
    const units = unitsForMinutes(line.workMinutes);
    return { kind: "WORK_DEBIT", units: -units, reason: `${line.workMinutes} minutes of work`, ticketId: "DEMO", workLogId: `${key}-worklog` };
  }
  return { kind: "ADJUSTMENT", units: line.adjust, reason: line.reason };
}
