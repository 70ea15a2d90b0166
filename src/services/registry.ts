import { AccountService } from "./account-service.ts";
import { BookingService } from "./booking-service.ts";
import { CalendarService } from "./calendar-service.ts";
import type { ServiceDeps } from "./context.ts";
import { EntitlementService } from "./entitlement-service.ts";
import { LedgerService } from "./ledger-service.ts";
import { LowBalanceAlertService } from "./low-balance-alert-service.ts";
import { PartnerService } from "./partner-service.ts";
import { QueueWatchService } from "./queue-watch-service.ts";
import { RequestTypeService } from "./request-type-service.ts";
import { SlaAlertService } from "./sla-alert-service.ts";
import { SupportPinService } from "./support-pin-service.ts";
import { TierService } from "./tier-service.ts";
import { TierSubscriptionService } from "./tier-subscription-service.ts";
import { TicketChanges } from "./ticket-change.ts";
import { TicketIntakeService } from "./ticket-intake-service.ts";
import { TicketLifecycleService } from "./ticket-lifecycle-service.ts";
import { TicketQueueService } from "./ticket-queue-service.ts";
import { TicketReadService } from "./ticket-read-service.ts";
import { TicketReportService } from "./ticket-report-service.ts";
import { TicketTierFollower } from "./ticket-tier-follower.ts";
import { TicketWorkService } from "./ticket-work-service.ts";
import { TokenService } from "./token-service.ts";
import { UnitPackageService } from "./unit-package-service.ts";
import { WorkspaceService } from "./workspace-service.ts";

export type Services = ReturnType<typeof createServices>;

export interface ServiceOptions {
  adminToken?: string | undefined;
  /** a SOLVED ticket may be reopened for this many days */
  ticketReopenDays?: number;
}

export function createServices(deps: ServiceDeps, options: ServiceOptions) {
  const calendars = new CalendarService(deps);
  const tiers = new TierService(deps, calendars);
  const requestTypes = new RequestTypeService(deps);
  const tierSubscriptions = new TierSubscriptionService(deps, tiers);
  const entitlements = new EntitlementService(deps, { calendars, tiers, requestTypes, subscriptions: tierSubscriptions });
  const ledger = new LedgerService(deps);
  const ticketQueues = new TicketQueueService(deps);
  const ticketChanges = new TicketChanges(deps, calendars, { reopenWindowMinutes: (options.ticketReopenDays ?? 7) * 1440 });
  const ticketLifecycle = new TicketLifecycleService(ticketChanges, tiers);
  return {
    accounts: new AccountService(deps),
    bookings: new BookingService(deps, { entitlements, ledger }),
    calendars,
    entitlements,
    partners: new PartnerService(deps),
    requestTypes,
    slaAlerts: new SlaAlertService(deps, calendars),
    supportPins: new SupportPinService(deps),
    tiers,
    tierSubscriptions,
    tokens: new TokenService(deps, options.adminToken),
    unitPackages: new UnitPackageService(deps),
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
