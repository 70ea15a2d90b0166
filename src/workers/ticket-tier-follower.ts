import { SYSTEM } from "../auth/viewer.ts";
import { inWorkspace } from "../db/workspace-scope.ts";
import { DomainError } from "../domain/errors.ts";
import { OPEN_TICKET_STATUSES } from "../modules/ticket/domain/index.ts";
import type { ServiceDeps } from "../db/service-deps.ts";
import type { Logger } from "../logger.ts";
import type { EntitlementService } from "../modules/entitlement/index.ts";
import type { TicketLifecycleService } from "../modules/ticket/index.ts";

/**
 * Keeps open tickets on the support level their account holds. When a paid level is booked,
 * changed, cancelled, renewed or ends, or the account's standing changes (status, payment), every
 * open standard ticket of the account whose tier is not the account's effective tier now is
 * re-targeted as `ticketTierChange` does it: elapsed business time kept, recorded as TIER_CHANGED
 * by "system". Driven by the outbox's events, so it runs after the change committed; each instance
 * hears them, and the second to come finds nothing left to change.
 */
export class TicketTierFollower {
  private loops: AsyncIterableIterator<{ accountId: string; workspaceId: string }>[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Accounts queued and not yet started ("workspace:account"). */
  private readonly waiting = new Set<string>();
  private readonly log: Logger;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: { entitlements: EntitlementService; lifecycle: TicketLifecycleService },
  ) {
    this.log = deps.log.child({ worker: "tier follower" });
  }

  start(): void {
    this.loops = [this.deps.bus.subscribe("tierSubscriptionChanged"), this.deps.bus.subscribe("accountChanged")];
    for (const loop of this.loops) {
      void (async () => {
        for await (const { accountId, workspaceId } of loop) this.enqueue(workspaceId, accountId);
      })();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.return?.()));
    await this.queue;
  }

  /** Re-targets the account's open tickets to its effective tier; resolves with how many changed. */
  async follow(accountId: string): Promise<number> {
    const account = await this.deps.prisma.account.findUnique({ where: { id: accountId } });
    if (!account) return 0;
    const { tier } = await this.parts.entitlements.effectiveTier(account, this.deps.now());
    if (!tier) return 0;
    const stale = await this.deps.prisma.ticket.findMany({
      where: { accountId, kind: "STANDARD", status: { in: [...OPEN_TICKET_STATUSES] }, OR: [{ tierId: null }, { tierId: { not: tier.id } }] },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    let changed = 0;
    for (const { id } of stale) {
      try {
        await this.parts.lifecycle.tierChange(SYSTEM, { ticketId: id, tierCode: tier.code, onlyIfDifferent: true });
        changed++;
      } catch (error) {
        // closed (or gone) since it was listed: nothing to follow any more
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return changed;
  }

  /**
   * An account already waiting in the queue is not queued again: the follow that is still to come
   * reads the account as it is then, so it covers every change heard before it starts (a burst of
   * 10,000 renames is one follow, not 10,000). A change heard once it started queues the next one.
   */
  private enqueue(workspaceId: string, accountId: string): void {
    const key = `${workspaceId}:${accountId}`;
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.queue = this.queue
      .then(() => {
        this.waiting.delete(key);
        return inWorkspace(workspaceId, () => this.follow(accountId));
      })
      .catch((error) => this.log.error({ err: error, accountId }, "following the account's tier failed"));
  }
}
