import type { Viewer } from "../../auth/viewer.ts";
import type { BusinessCalendar } from "../calendar/domain/index.ts";
import { type EffectiveTier, effectiveTier, type TierStanding } from "./domain/effective-tier.ts";
import { evaluateEntitlement, paidInUnits, unitsLeft } from "./domain/evaluate.ts";
import type { EntitlementAnswer, PrepaidUnits, TierSpec } from "./domain/types.ts";
import type { RequiredInformationItem } from "../request-type/domain/index.ts";
import { ValidationError } from "../../domain/errors.ts";
import { SUPPORT_CHANNELS, type SupportChannel } from "../tier/domain/index.ts";
import { language as languageTag } from "../tier/domain/index.ts";
import type { Account } from "../../generated/prisma/client.ts";
import { type AccountWithLevel, requireAccount } from "../account/index.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import type { RequestTypeService } from "../request-type/index.ts";
import type { TierSubscriptionService } from "../subscription/index.ts";
import type { UnitPackageService } from "../ledger/index.ts";
import type { TierRow, TierService } from "../tier/index.ts";

export interface EntitlementQuestion {
  customerNumber: string;
  channel: SupportChannel;
  /** defaults to the account's language */
  language?: string | null;
  requestTypeCode: string;
  /** defaults to now */
  at?: Date | null;
}

/** The answer as plain data: instants are epoch milliseconds, tiers are stored rows with targets and channels. */
export interface Entitlement extends EntitlementAnswer {
  tier: TierRow | null;
  fallback: { from: TierRow; reason: "ACCOUNT_INACTIVE" | "PAYMENT_OVERDUE" } | null;
  account: { id: string; customerNumber: string };
  requestTypeCode: string;
  requestTypeId: string;
  /** the request type's whole checklist (requiredInformation: the items that apply at `at`) */
  checklist: RequiredInformationItem[];
  channel: SupportChannel;
  language: string;
}

// The calendar engine covers 1900–2200; promises reach up to ten years past `at`.
const EARLIEST = Date.UTC(1901, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** Loads what the pure entitlement decision needs; the decision itself is src/modules/entitlement/domain. */
export class EntitlementService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: {
      calendars: CalendarService;
      tiers: TierService;
      requestTypes: RequestTypeService;
      subscriptions: TierSubscriptionService;
      unitPackages: UnitPackageService;
    },
  ) {}

  /**
   * `account`: the question's account, when the caller already required it for this viewer (read
   * with its paid level, that needs no second read).
   */
  async evaluate(viewer: Viewer, question: EntitlementQuestion, account?: Account | AccountWithLevel): Promise<Entitlement> {
    account ??= await requireAccount(this.deps.prisma, viewer, question.customerNumber);
    if (!SUPPORT_CHANNELS.includes(question.channel)) throw new ValidationError("channel", `channel must be one of ${SUPPORT_CHANNELS.join(", ")}`);
    const language = languageTag("language", (question.language ?? account.language).trim());
    const at = (question.at ?? this.deps.now()).getTime();
    if (!(at >= EARLIEST && at < LATEST)) throw new ValidationError("at", "at must be an instant in 1901–2099");
    const [requestType, standing] = await Promise.all([this.parts.requestTypes.require("requestType", question.requestTypeCode), this.standing(account, at)]);
    const units = await this.prepaidUnits(account, standing);
    const answer = evaluateEntitlement({ ...standing, units, requestType, channel: question.channel, language });
    return {
      ...answer,
      tier: answer.tier as TierRow | null,
      fallback: answer.fallback && { from: answer.fallback.from as TierRow, reason: answer.fallback.reason },
      account: { id: account.id, customerNumber: account.customerNumber },
      requestTypeCode: requestType.code,
      requestTypeId: requestType.id,
      checklist: requestType.requiredInformation,
      channel: question.channel,
      language,
    };
  }

  /**
   * The tier that applies to an account the caller already may see, as the entitlement answer
   * decides it (paid level, partner-sale grant, included level, fallback), with the live catalog
   * and the compiled calendars of every tier involved.
   */
  async effectiveTier(account: Account, at: Date): Promise<EffectiveTier & { catalog: TierRow[]; calendars: ReadonlyMap<string, BusinessCalendar> }> {
    const standing = await this.standing(account, at.getTime());
    return { ...effectiveTier(standing), catalog: standing.catalog, calendars: standing.calendars };
  }

  /** The account's prepaid units; the cheapest package is read only when a level paid in units has none left. */
  private async prepaidUnits(account: Account, standing: TierStanding): Promise<PrepaidUnits> {
    const units = { balance: account.unitBalance, overdraftLimit: account.overdraftLimit, cheapestPackage: null };
    const { tier, basis } = effectiveTier(standing);
    if (!paidInUnits(tier, basis) || unitsLeft(units) > 0) return units;
    return { ...units, cheapestPackage: await this.parts.unitPackages.cheapest() };
  }

  /** What the effective tier depends on, loaded. */
  private async standing(account: Account | AccountWithLevel, at: number): Promise<TierStanding & { catalog: TierRow[] }> {
    const level = "tierSubscriptions" in account ? (account.tierSubscriptions[0] ?? null) : this.parts.subscriptions.active(account.id);
    const [catalog, subscription] = await Promise.all([this.parts.tiers.catalog(), level]);
    const paid = subscription && { ...subscription, tier: await this.parts.tiers.withParts(subscription.tierId) };
    return {
      account: { status: account.status, paymentStatus: account.paymentStatus, partnerId: account.partnerId, createdAt: account.createdAt.getTime() },
      catalog,
      subscription: paid && {
        startedAt: paid.startedAt.getTime(),
        currentPeriodEnd: paid.currentPeriodEnd.getTime(),
        autoRenew: paid.autoRenew,
        tier: paid.tier,
      },
      at,
      calendars: await this.engines(paid ? [...catalog, paid.tier] : catalog),
    };
  }

  /** Every calendar the tiers count in, compiled (the calendar service caches them). */
  private async engines(tiers: readonly TierSpec[]): Promise<Map<string, BusinessCalendar>> {
    const ids = new Set(tiers.flatMap((tier) => [...tier.targets, ...tier.channels].map((part) => part.calendarId)));
    const views = await Promise.all([...ids].map((id) => this.parts.calendars.require(id, "calendarId")));
    return new Map(views.map((view) => [view.id, view.engine]));
  }
}
