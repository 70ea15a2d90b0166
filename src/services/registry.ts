import { AccountService } from "./account-service.ts";
import { BookingService } from "./booking-service.ts";
import { CalendarService } from "./calendar-service.ts";
import type { ServiceDeps } from "./context.ts";
import { EntitlementService } from "./entitlement-service.ts";
import { LedgerService } from "./ledger-service.ts";
import { PartnerService } from "./partner-service.ts";
import { RequestTypeService } from "./request-type-service.ts";
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
  const entitlements = new EntitlementService(deps, { calendars, tiers, requestTypes, subscriptions: tierSubscriptions });
  const ledger = new LedgerService(deps);
  return {
    accounts: new AccountService(deps),
    bookings: new BookingService(deps, { entitlements, ledger }),
    calendars,
    entitlements,
    partners: new PartnerService(deps),
    requestTypes,
    supportPins: new SupportPinService(deps),
    tiers,
    tierSubscriptions,
    tokens: new TokenService(deps, options.adminToken),
    unitPackages: new UnitPackageService(deps),
    ledger,
  };
}
