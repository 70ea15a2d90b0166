import type { Viewer } from "../auth/viewer.ts";
import type { TicketCreateInput } from "../modules/ticket/index.ts";
import type { StatusEvent } from "../modules/ticket/index.ts";
import type { Services } from "../modules/registry.ts";

const DESK: Viewer = { role: "ADMIN", tokenId: "system:demo-seed", partnerId: null, accountId: null, workspaceId: null };

type Step = { reply: string } | { note: string } | { customer: string } | { event: StatusEvent } | { assign: string; team: string } | { work: number };

interface DemoTicket {
  ticket: Omit<TicketCreateInput, "subject" | "body"> & { subject: string; body: string };
  steps?: Step[];
}

/**
 * A day at the support desk of the five vendors, each in its own workspace, created through the ticket services
 * (so tiers, priorities, clocks and pending alerts are exactly what intake and the lifecycle make
 * of them): Gold and Silver e-commerce customers (002), the e-mail platform's premium customer on
 * ticket and chat (004), the CRM reseller's premium customer with a case still missing
 * information (001), an overdue premium add-on customer falling back to the included level
 * (000), and a customisation request turned into a paid offer (003).
 */
const DAY: DemoTicket[] = [
  {
    ticket: {
      customerNumber: "C-10001",
      channel: "EMAIL",
      requestTypeCode: "DEFECT",
      subject: "Order export stops at 80 %",
      body: "Since this morning the CSV export of orders stops at 80 %.",
    },
    steps: [{ assign: "agent-anna", team: "ecommerce" }, { work: 25 }, { reply: "We can reproduce it and are on it." }],
  },
  {
    ticket: {
      customerNumber: "C-10001",
      channel: "PORTAL",
      requestTypeCode: "USAGE_QUESTION",
      subject: "Bulk-edit shipping rules",
      body: "How do I change the shipping rule of 200 products at once?",
    },
    steps: [{ reply: "Use the bulk editor under Products › Bulk edit." }, { event: "solve" }],
  },
  {
    ticket: {
      customerNumber: "C-10001",
      channel: "PHONE_CALLBACK",
      requestTypeCode: "TECHNICAL_QUESTION",
      subject: "Call back: payment provider webhook",
      body: "Please call back about failing webhooks.",
    },
  },
  {
    ticket: {
      customerNumber: "C-10001",
      channel: "EMAIL",
      requestTypeCode: "CUSTOMISATION",
      subject: "Custom invoice layout",
      body: "We would like our own invoice template with a second logo.",
    },
  },
  {
    ticket: {
      customerNumber: "C-10002",
      channel: "TICKET",
      language: "fr",
      requestTypeCode: "DELIVERABILITY_INVESTIGATION",
      subject: "Taux de rebond élevé",
      body: "Nos e-mails vers un grand FAI rebondissent depuis hier.",
    },
    steps: [
      { assign: "agent-luc", team: "deliverability" },
      { note: "Check the IP reputation first." },
      { reply: "Could you send us the bounce messages?" },
      { event: "awaitCustomer" },
    ],
  },
  {
    ticket: {
      customerNumber: "C-10002",
      channel: "CHAT",
      language: "fr",
      requestTypeCode: "INVOICE_REQUEST",
      subject: "Facture de février",
      body: "Pouvez-vous renvoyer la facture de février ?",
    },
  },
  {
    ticket: {
      customerNumber: "C-10002",
      channel: "TICKET",
      language: "en",
      requestTypeCode: "USAGE_QUESTION",
      subject: "API key scopes",
      body: "Which scope does the send endpoint need?",
    },
    steps: [{ reply: "It needs mail.send." }, { customer: "Thanks, and for templates?" }],
  },
  {
    ticket: {
      customerNumber: "C-10003",
      channel: "EMAIL",
      requestTypeCode: "USAGE_QUESTION",
      subject: "Newsletter scheduling",
      body: "Can we schedule a newsletter for another time zone?",
    },
  },
  {
    ticket: {
      customerNumber: "C-10004",
      channel: "TICKET",
      requestTypeCode: "DEFECT",
      flags: ["BROKEN_DATABASE"],
      providedInformation: ["environment", "reproductionSteps"],
      subject: "Add-on breaks the CRM database",
      body: "After the update the CRM database does not open any more.",
    },
  },
  {
    ticket: {
      customerNumber: "C-10004",
      channel: "TICKET",
      requestTypeCode: "HOW_TO",
      subject: "Show me how to import the contacts file",
      body: "We need help importing contacts.xlsx.",
    },
    steps: [{ assign: "agent-jonas", team: "crm" }, { reply: "Booked: a remote session this afternoon." }],
  },
  {
    ticket: {
      customerNumber: "C-10005",
      channel: "EMAIL",
      language: "de",
      requestTypeCode: "REFUND",
      subject: "Erstattung Doppelbuchung",
      body: "Der März wurde doppelt abgebucht.",
    },
    steps: [{ event: "hold" }],
  },
];

/** Opens the demo day's tickets of `customers` (one vendor's) and walks them through their first steps. */
export async function seedDemoTickets(services: Services, customers: ReadonlySet<string>): Promise<number> {
  const day = DAY.filter(({ ticket }) => customers.has(ticket.customerNumber));
  for (const { ticket, steps = [] } of day) {
    const created = await services.ticketIntake.create(DESK, ticket, { select: { id: true } });
    const ticketId = created.id;
    for (const [index, step] of steps.entries()) {
      if ("reply" in step) await services.ticketLifecycle.reply(DESK, { ticketId, body: step.reply, public: true });
      else if ("note" in step) await services.ticketLifecycle.reply(DESK, { ticketId, body: step.note, public: false });
      else if ("customer" in step) await services.ticketLifecycle.customerReply(DESK, { ticketId, body: step.customer });
      else if ("event" in step) await services.ticketLifecycle.statusChange(DESK, step.event, { ticketId });
      else if ("assign" in step) await services.ticketLifecycle.assign(DESK, { ticketId, assigneeId: step.assign, teamId: step.team });
      else await services.ticketWork.log(DESK, { ticketId, minutes: step.work, note: "Remote session", idempotencyKey: `demo-${ticketId}-${index}` });
    }
  }
  return day.length;
}
