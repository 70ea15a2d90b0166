import { requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import { type NormalisedTier, type TierDefinition, targetFields, tierCode, validateTierDefinition } from "./domain/tier-definition.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CalendarService } from "../calendar/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { CachedSnapshot } from "../../events/cached-snapshot.ts";
import { selection, violatedUniqueIndex } from "../../db/prisma-helpers.ts";
import { byCode } from "../../db/workspace-scope.ts";

const STAFF_ONLY = "Only staff may change the tier catalog";

type Query = { select?: Prisma.TierSelect; include?: Prisma.TierInclude };
/** A tier with its targets and channels: what entitlement decisions read. */
export type TierRow = Prisma.TierGetPayload<{ include: { targets: true; channels: true } }>;
const WITH_PARTS = { targets: true, channels: true } as const;

/** Every field optional but the code: what is given replaces, targets and channels as whole lists. */
export type TierPatch = { [K in keyof Omit<TierDefinition, "code">]?: TierDefinition[K] | null } & { code: string };

export class TierService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly calendars: CalendarService,
  ) {
    this.snapshot = new CachedSnapshot(deps.bus, "tierCatalogChanged", () =>
      deps.prisma.tier.findMany({ where: { archivedAt: null }, include: WITH_PARTS, orderBy: { id: "asc" } }),
    );
  }

  private readonly snapshot: CachedSnapshot<TierRow[]>;

  async create(viewer: Viewer, definition: TierDefinition, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const tier = await this.checked(definition, null);
    return this.write(tier, () =>
      this.deps.prisma.tier.create({ ...selection(query), data: { ...columns(tier), targets: { create: tier.targets }, channels: { create: tier.channels } } }),
    );
  }

  async update(viewer: Viewer, patch: TierPatch, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.requireRow("code", patch.code);
    // null keeps a field, except partnerSaleCutoff where it removes the grant
    const given = Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && (value !== null || key === "partnerSaleCutoff")));
    const tier = await this.checked({ ...definitionOf(current), ...given, code: current.code }, current.id);
    return this.write(tier, () =>
      this.deps.prisma.$transaction(async (tx) => {
        await tx.tierTarget.deleteMany({ where: { tierId: current.id } });
        await tx.tierChannel.deleteMany({ where: { tierId: current.id } });
        return tx.tier.update({
          ...selection(query),
          where: { id: current.id },
          data: { ...columns(tier), targets: { create: tier.targets }, channels: { create: tier.channels } },
        });
      }),
    );
  }

  /** Archived tiers leave the catalog; running subscriptions to them are honoured to their end. */
  async archive(viewer: Viewer, code: string, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.requireRow("code", code);
    return this.snapshot.changed(
      this.deps.prisma.tier.update({ ...selection(query), where: { id: current.id }, data: { archivedAt: current.archivedAt ?? this.deps.now() } }),
    );
  }

  byCode(code: string, query: Query = {}) {
    return this.deps.prisma.tier.findUnique({ ...selection(query), where: byCode(tierCode("code", code)) });
  }

  byId(id: string, query: Query = {}) {
    return this.deps.prisma.tier.findUnique({ ...selection(query), where: { id } });
  }

  list(options: { includeArchived?: boolean | null }, query: Prisma.TierFindManyArgs) {
    return this.deps.prisma.tier.findMany({ ...selection(query), where: liveUnless(options), orderBy: [{ priorityRank: "asc" }, { id: "asc" }] });
  }

  count(options: { includeArchived?: boolean | null }) {
    return this.deps.prisma.tier.count({ where: liveUnless(options) });
  }

  /**
   * The live catalog with targets and channels. Every intake and entitlement answer needs it, so
   * it is cached until a tier write on any instance says otherwise (or a minute passes).
   */
  catalog(): Promise<TierRow[]> {
    return this.snapshot.get();
  }

  /** A tier with targets and channels by id: from the cached live catalog, or (archived) from the database. */
  async withParts(id: string): Promise<TierRow> {
    return (await this.catalog()).find((tier) => tier.id === id) ?? this.deps.prisma.tier.findUniqueOrThrow({ where: { id }, include: WITH_PARTS });
  }

  /** A live tier to subscribe to, by code; `field` names the input. */
  async requireLive(field: string, code: string): Promise<TierRow> {
    const tier = await this.requireRow(field, code);
    if (tier.archivedAt) throw new ValidationError(field, `Tier ${tier.code} is archived and can no longer be booked`);
    return tier;
  }

  async requireRow(field: string, code: string): Promise<TierRow> {
    const tier = await this.deps.prisma.tier.findUnique({ where: byCode(tierCode(field, code)), include: WITH_PARTS });
    if (!tier) throw new NotFoundError(field, `No tier with code ${code.trim().toUpperCase()}`);
    return tier;
  }

  /** Validates, then checks what the domain cannot: calendars exist and are live, one included level. */
  private async checked(definition: TierDefinition, id: string | null): Promise<NormalisedTier> {
    const tier = validateTierDefinition(definition);
    const references = [
      ...tier.targets.map((target, index) => [`targets.${index}.calendarId`, target.calendarId] as const),
      ...tier.channels.map((channel, index) => [`channels.${index}.calendarId`, channel.calendarId] as const),
    ];
    for (const [field, calendarId] of references) {
      const calendar = await this.calendars.require(calendarId, field);
      if (calendar.archivedAt) throw new ValidationError(field, `Calendar ${calendar.definition.name} is archived`);
    }
    if (tier.includedByDefault) {
      const other = await this.deps.prisma.tier.findFirst({ where: { includedByDefault: true, archivedAt: null, ...(id ? { id: { not: id } } : {}) } });
      if (other) throw includedConflict(other.code);
    }
    return tier;
  }

  private async write<T>(tier: NormalisedTier, write: () => Promise<T>): Promise<T> {
    try {
      return await this.snapshot.changed(write());
    } catch (error) {
      const index = violatedUniqueIndex(error);
      if (index === "Tier_workspaceId_code_key") throw new ConflictError("code", `A tier with code ${tier.code} already exists`);
      if (index === "Tier_one_included_by_default") throw includedConflict("another tier");
      throw error;
    }
  }
}

const includedConflict = (other: string) => new ConflictError("includedByDefault", `${other} is already the included level; archive it or update it first`);

const liveUnless = (options: { includeArchived?: boolean | null }): Prisma.TierWhereInput => (options.includeArchived ? {} : { archivedAt: null });

const columns = (tier: NormalisedTier) => ({
  code: tier.code,
  name: tier.name,
  priceMinor: tier.monthlyPrice.amountMinor,
  currency: tier.monthlyPrice.currency,
  includedByDefault: tier.includedByDefault,
  priorityRank: tier.priority.rank,
  priorityLabel: tier.priority.label,
  warningThresholds: tier.warningThresholds,
  entitlements: tier.entitlements,
  unitBased: tier.unitBased,
  partnerSaleCutoff: tier.partnerSaleCutoff,
});

/** A stored tier as the definition an update patches. */
function definitionOf(row: TierRow): TierDefinition {
  return {
    code: row.code,
    name: row.name,
    monthlyPrice: { amountMinor: row.priceMinor, currency: row.currency },
    includedByDefault: row.includedByDefault,
    priority: { rank: row.priorityRank, label: row.priorityLabel },
    targets: row.targets.map(targetFields),
    warningThresholds: row.warningThresholds,
    channels: row.channels.map(({ channel, calendarId, languages, pinRequired }) => ({ channel, calendarId, languages, pinRequired })),
    entitlements: row.entitlements,
    unitBased: row.unitBased,
    partnerSaleCutoff: row.partnerSaleCutoff,
  };
}
