import { AccountService } from "./account-service.ts";
import { CalendarService } from "./calendar-service.ts";
import type { ServiceDeps } from "./context.ts";
import { LedgerService } from "./ledger-service.ts";
import { PartnerService } from "./partner-service.ts";
import { TokenService } from "./token-service.ts";
import { UnitPackageService } from "./unit-package-service.ts";

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: ServiceDeps, options: { adminToken?: string | undefined }) {
  return {
    accounts: new AccountService(deps),
    calendars: new CalendarService(deps),
    partners: new PartnerService(deps),
    tokens: new TokenService(deps, options.adminToken),
    unitPackages: new UnitPackageService(deps),
    ledger: new LedgerService(deps),
  };
}
