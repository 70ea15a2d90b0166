import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Services } from "../modules/registry.ts";
import { seedSupportCatalog } from "./demo/seed-support.ts";
import { seedDemoTickets } from "./seed-tickets.ts";
import { seedUnitLedgers } from "./seed-units.ts";

/** Loads the demo data set into an empty database; otherwise writes nothing and says how many accounts are there. */
export async function seedDemo(prisma: PrismaClient, services: Services): Promise<{ seeded: true } | { seeded: false; accounts: number }> {
  const accounts = await prisma.account.count();
  if (accounts > 0) return { seeded: false, accounts };
  await prisma.$transaction(async (tx) => {
    const partner = await tx.partner.create({ data: { code: "P-CRMWORKS", name: "CRM Works Reseller GmbH" } });
    await tx.account.createMany({
      data: [
        { customerNumber: "C-10001", name: "Nordlicht Versand GmbH", language: "de" },
        { customerNumber: "C-10002", name: "Atelier Dupont SARL", language: "fr" },
        { customerNumber: "C-10003", name: "Bergsport Huber KG", language: "de", paymentStatus: "OVERDUE" },
        { customerNumber: "C-10004", name: "Brightside Analytics Ltd", language: "en", partnerId: partner.id },
        { customerNumber: "C-10005", name: "Tienda Sol S.L.", language: "es", status: "SUSPENDED" },
        { customerNumber: "C-10006", name: "Old Harbour Trading", language: "en", status: "CLOSED" },
      ],
    });
    await seedUnitLedgers(tx);
  });
  await seedSupportCatalog(services);
  await seedDemoTickets(services);
  return { seeded: true };
}
