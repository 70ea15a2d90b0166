import type { Viewer } from "../../src/auth/viewer.ts";
import { loadCrmAddons } from "../fixtures/policies/001-crm-addons.ts";
import type { TestApp } from "./test-app.ts";
import { servicesIn } from "./workspace-db.ts";

export const STAFF: Viewer = { role: "ADMIN", tokenId: "matrix-test", partnerId: null, accountId: null, workspaceId: null };

/** A weekday well ahead, 11:00 UTC: inside 001's installation hours (Mon–Fri 07–18 Berlin) in any season. */
export function weekdayAhead(days: number): Date {
  const date = new Date(Date.now() + days * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(11, 0, 0, 0);
  return date;
}

/**
 * One of everything a vendor owns, in `w`, tagged so its numbers and codes are recognisable: a
 * partner and its customer with a paid level, units, a ticket with a public reply and an internal
 * note, a queue, a help article and a booking (plus 001's calendars, tiers and request types).
 */
export async function populate(t: TestApp, w: TestApp, tag: string) {
  const services = servicesIn(t.app, w.workspaceId);
  await loadCrmAddons(w);
  await services.partners.create(STAFF, { code: `P-${tag}`, name: `Partner ${tag}` });
  const customerNumber = `C-${tag}`;
  await services.accounts.create(STAFF, { customerNumber, name: `Customer ${tag}`, partnerCode: `P-${tag}` });
  await w.token("CUSTOMER", { customerNumber });
  await services.tierSubscriptions.subscribe(STAFF, { customerNumber, tierCode: "CRM-PREMIUM" });
  await services.unitPackages.create(STAFF, { code: "UNITS-4", name: "4 units", units: 4, price: { amountMinor: 9900, currency: "EUR" } });
  await services.ledger.purchase(STAFF, { customerNumber, packageCode: "UNITS-4", quantity: 3, idempotencyKey: `buy-${tag}` });
  const ticket = await services.ticketIntake.create(
    STAFF,
    { customerNumber, channel: "TICKET", requestTypeCode: "USAGE_QUESTION", subject: `Question of ${tag}`, body: "How?" },
    { select: { id: true } },
  );
  await services.ticketLifecycle.reply(STAFF, { ticketId: ticket.id, body: `Answer for ${tag}`, public: true });
  await services.ticketLifecycle.reply(STAFF, { ticketId: ticket.id, body: `Internal note on ${tag}`, public: false });
  await services.ticketQueues.queueCreate(STAFF, { name: `Queue ${tag}`, filter: {} });
  await services.helpArticles.create(STAFF, { title: `Article of ${tag}`, body: "How to import contacts.", language: "en", requestTypes: ["USAGE_QUESTION"] });
  await services.bookings.request(STAFF, "INSTALLATION", {
    customerNumber,
    product: "CRM Connector",
    proposals: [weekdayAhead(14)],
    durationMinutes: 60,
    idempotencyKey: `install-${tag}`,
  });
  return { customerNumber, partnerCode: `P-${tag}`, ticketId: ticket.id };
}
