import { AccountService } from "./account-service.ts";
import { CalendarService } from "./calendar-service.ts";
import type { ServiceDeps } from "./context.ts";
import { EntitlementService } from "./entitlement-service.ts";
import { LedgerService } from "./ledger-service.ts";
import { LowBalanceAlertService } from "./low-balance-alert-service.ts";
import { PartnerService } from "./partner-service.ts";
import { RequestTypeService } from "./request-type-service.ts";
import { SlaAlertService } from "./sla-alert-service.ts";
import { SupportPinService } from "./support-pin-service.ts";
import { TierService } from "./tier-service.ts";
import { TierSubscriptionService } from "./tier-subscription-service.ts";
import { TokenService } from "./token-service.ts";
import { UnitPackageService } from "./unit-package-service.ts";

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: ServiceDeps, options: { adminToken?: string | undefined }) {
  const calendars = new CalendarService(deps);
  const tiers = new TierService(deps, calendars);
  const requestTypes = new RequestTypeService(deps);
  const tierSubscriptions = new TierSubscriptionService(deps, tiers);
  return {
    accounts: new AccountService(deps),
    calendars,
    entitlements: new EntitlementService(deps, { calendars, tiers, requestTypes, subscriptions: tierSubscriptions }),
    partners: new PartnerService(deps),
    requestTypes,
    slaAlerts: new SlaAlertService(deps, calendars),
    supportPins: new SupportPinService(deps),
    tiers,
    tierSubscriptions,
    tokens: new TokenService(deps, options.adminToken),
    unitPackages: new UnitPackageService(deps),
    ledger: new LedgerService(deps),
    lowBalanceAlerts: new LowBalanceAlertService(deps),
  };
}
