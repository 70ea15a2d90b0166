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
  const calendars = new CalendarService(deps);
  const tiers = new TierService(deps, calendars);
  const requestTypes = new RequestTypeService(deps);
  const tierSubscriptions = new TierSubscriptionService(deps, tiers);
  const unitPackages = new UnitPackageService(deps);
  const entitlements = new EntitlementService(deps, { calendars, tiers, requestTypes, subscriptions: tierSubscriptions, unitPackages });
  const ledger = new LedgerService(deps);
  const ticketQueues = new TicketQueueService(deps, options.queueCountsMs ?? 0);
  const ticketChanges = new TicketChanges(deps, calendars, { reopenWindowMinutes: (options.ticketReopenDays ?? 7) * 1440 });
  const ticketLifecycle = new TicketLifecycleService(ticketChanges, tiers);
  return {
    accounts: new AccountService(deps),
    bookings: new BookingService(deps, { entitlements, ledger }),
    calendars,
    entitlements,
    helpArticles: new HelpArticleService(deps, requestTypes),
    partners: new PartnerService(deps),
    requestTypes,
    slaAlerts: new SlaAlertService(deps, calendars),
    supportPins: new SupportPinService(deps),
    tiers,
    tierSubscriptions,
    tokens: new TokenService(deps, options.adminToken),
    unitPackages,
    ledger,
    ticketIntake: new TicketIntakeService(deps, { entitlements, calendars, changes: ticketChanges }),
    ticketLifecycle,
    ticketTierFollower: new TicketTierFollower(deps, { entitlements, lifecycle: ticketLifecycle }),
    ticketWork: new TicketWorkService(deps, ledger),
    ticketQueues,
    queueWatch: new QueueWatchService(deps, ticketQueues),
    ticketReports: new TicketReportService(deps, calendars),
    tickets: new TicketReadService(deps, calendars),
    lowBalanceAlerts: new LowBalanceAlertService(deps),
    workspaces: new WorkspaceService(deps, requestTypes),
  };
}
