import { AccountService } from "./account/index.ts";
import { BookingService } from "./booking/index.ts";
import { CalendarService } from "./calendar/index.ts";
import type { ServiceDeps } from "../db/service-deps.ts";
import { EntitlementService } from "./entitlement/index.ts";
import { HelpArticleService } from "./help-centre/index.ts";
import { LedgerService } from "./ledger/index.ts";
import { LowBalanceAlertService } from "./ledger/index.ts";
import { PartnerService } from "./partner/index.ts";
import { QueueWatchService } from "./queue/index.ts";
import { RequestTypeService } from "./request-type/index.ts";
import { SlaAlertService } from "./sla/index.ts";
import { SupportPinService } from "./support-pin/index.ts";
import { TierService } from "./tier/index.ts";
import { TierSubscriptionService } from "./subscription/index.ts";
import { TicketChanges } from "./ticket/index.ts";
import { TicketIntakeService } from "./ticket/index.ts";
import { TicketLifecycleService } from "./ticket/index.ts";
import { TicketQueueService } from "./queue/index.ts";
import { TicketReadService } from "./ticket/index.ts";
import { TicketReportService } from "./ticket/index.ts";
import { TicketTierFollower } from "../workers/ticket-tier-follower.ts";
import { TicketWorkService } from "./ticket/index.ts";
import { TokenService } from "./token/index.ts";
import { UnitPackageService } from "./ledger/index.ts";
import { WorkspaceService } from "./workspace/index.ts";

export type Services = ReturnType<typeof createServices>;

export interface ServiceOptions {
  adminToken?: string | undefined;
  /** a SOLVED ticket may be reopened for this many days */
  ticketReopenDays?: number;
  /** how long queue counts of one scope and filter are shared (QUEUE_COUNTS_MS) */
  queueCountsMs?: number;
}

export function createServices(deps: ServiceDeps, options: ServiceOptions) {
  // each module logs through a child naming it
  const module = (name: string): ServiceDeps => ({ ...deps, log: deps.log.child({ module: name }) });
  const calendars = new CalendarService(module("calendar"));
  const tiers = new TierService(module("tier"), calendars);
  const requestTypes = new RequestTypeService(module("request-type"));
  const tierSubscriptions = new TierSubscriptionService(module("subscription"), tiers);
  const unitPackages = new UnitPackageService(module("ledger"));
  const entitlements = new EntitlementService(module("entitlement"), { calendars, tiers, requestTypes, subscriptions: tierSubscriptions, unitPackages });
  const ledger = new LedgerService(module("ledger"));
  const ticketQueues = new TicketQueueService(module("queue"), options.queueCountsMs ?? 0);
  const ticketChanges = new TicketChanges(module("ticket"), calendars, { reopenWindowMinutes: (options.ticketReopenDays ?? 7) * 1440 });
  const ticketLifecycle = new TicketLifecycleService(ticketChanges, tiers);
  return {
    accounts: new AccountService(module("account")),
    bookings: new BookingService(module("booking"), { entitlements, ledger }),
    calendars,
    entitlements,
    helpArticles: new HelpArticleService(module("help-centre"), requestTypes),
    partners: new PartnerService(module("partner")),
    requestTypes,
    slaAlerts: new SlaAlertService(module("sla"), calendars),
    supportPins: new SupportPinService(module("support-pin")),
    tiers,
    tierSubscriptions,
    tokens: new TokenService(module("token"), options.adminToken),
    unitPackages,
    ledger,
    ticketIntake: new TicketIntakeService(module("ticket"), { entitlements, calendars, changes: ticketChanges }),
    ticketLifecycle,
    ticketTierFollower: new TicketTierFollower(deps, { entitlements, lifecycle: ticketLifecycle }),
    ticketWork: new TicketWorkService(module("ticket"), ledger),
    ticketQueues,
    queueWatch: new QueueWatchService(module("queue"), ticketQueues),
    ticketReports: new TicketReportService(module("ticket"), calendars),
    tickets: new TicketReadService(module("ticket"), calendars),
    lowBalanceAlerts: new LowBalanceAlertService(module("ledger")),
    workspaces: new WorkspaceService(module("workspace"), requestTypes),
  };
}
