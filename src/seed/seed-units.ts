import type { Viewer } from "../auth/viewer.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Services } from "../modules/registry.ts";

const PACKAGES = [
  { code: "UNITS-4", name: "4 units (1 hour)", units: 4, price: { amountMinor: 9_900, currency: "EUR" } },
  { code: "UNITS-20", name: "20 units (5 hours)", units: 20, price: { amountMinor: 44_900, currency: "EUR" } },
  { code: "UNITS-40", name: "40 units (10 hours)", units: 40, price: { amountMinor: 84_900, currency: "EUR" } },
];

type Line = { purchase: string; quantity?: number } | { workMinutes: number } | { adjust: number; reason: string };

/** Demo balances of the CRM add-on vendor (001); C-10004 ends one debit above its low-balance threshold of 4. */
const LEDGERS: Record<string, Line[]> = {
  "C-10004": [{ purchase: "UNITS-4", quantity: 2 }, { workMinutes: 45 }],
  "C-10008": [{ purchase: "UNITS-40" }, { workMinutes: 50 }, { workMinutes: 20 }, { adjust: 2, reason: "Goodwill after the outage on the 3rd" }],
};

/** The unit price list and a few demo ledgers, written through the ledger's service as the API writes them. */
export async function seedUnitLedgers(prisma: PrismaClient, services: Services, seeder: Viewer): Promise<void> {
  for (const pkg of PACKAGES) await services.unitPackages.create(seeder, pkg);
  let step = 0;
  for (const [customerNumber, lines] of Object.entries(LEDGERS)) {
    const account = await services.accounts.byCustomerNumber(seeder, customerNumber, { select: { id: true } });
    if (!account) throw new Error(`demo data: no account ${customerNumber} for its unit ledger`);
    for (const line of lines) {
      const idempotencyKey = `demo-${++step}`;
      if ("purchase" in line)
        await services.ledger.purchase(seeder, { customerNumber, packageCode: line.purchase, quantity: line.quantity ?? 1, idempotencyKey });
      else if ("adjust" in line) await services.ledger.adjust(seeder, { customerNumber, units: line.adjust, reason: line.reason, idempotencyKey });
      // work done before the demo day: paid for like a work log, without its ticket
      else
        await prisma.$transaction((tx) =>
          services.ledger.debitWork(tx, {
            accountId: account.id,
            minutes: line.workMinutes,
            workLogId: `${idempotencyKey}-worklog`,
            idempotencyKey,
            actor: "SEED",
          }),
        );
    }
  }
}
