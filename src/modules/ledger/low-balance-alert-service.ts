import { canReadAccount } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { customerNumber as validCustomerNumber } from "../account/domain/index.ts";
import { streamPosition } from "../../events/cursor.ts";
import { resumable } from "../../events/resume.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";

export interface LowBalanceAlertView {
  id: string;
  sequence: number;
  accountId: string;
  balance: number;
  threshold: number;
  at: Date;
}

export class LowBalanceAlertService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Low-balance warnings of accounts the viewer may see (optionally one), re-authorised per event; after the cursor `after`, then live. */
  stream(viewer: Viewer, filter: { customerNumber?: string | null }, after?: string | null) {
    const customerNumber = filter.customerNumber ? validCustomerNumber("filter.customerNumber", filter.customerNumber) : null;
    const position = streamPosition("unitBalanceLow", { filter }, viewer, after);
    return resumable(this.deps, ["unitBalanceLow"], position, async (events) => {
      const alerts = await this.deps.prisma.lowBalanceAlert.findMany({
        where: { id: { in: events.map((event) => event.alertId) } },
        include: { account: { select: { id: true, partnerId: true, customerNumber: true } } },
      });
      const byId = new Map(alerts.map((alert) => [alert.id, alert]));
      return events.map((event) => {
        const alert = byId.get(event.alertId);
        if (!alert || !canReadAccount(viewer, alert.account)) return null;
        if (customerNumber && alert.account.customerNumber !== customerNumber) return null;
        return {
          id: alert.id,
          sequence: event.sequence,
          accountId: alert.accountId,
          balance: alert.balance,
          threshold: alert.threshold,
          at: alert.createdAt,
        } satisfies LowBalanceAlertView;
      });
    });
  }
}
