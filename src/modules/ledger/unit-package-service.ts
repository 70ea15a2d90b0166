import { isStaff, requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { NotFoundError } from "../../domain/errors.ts";
import * as ledger from "./domain/index.ts";
import { currency, type Money } from "../../domain/money.ts";
import type { Prisma, UnitPackage } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection, uniquely } from "../../db/prisma-helpers.ts";
import { byCode } from "../../db/workspace-scope.ts";

const STAFF_ONLY = "Only staff may change the unit price list";

export interface UnitPackageCreateInput {
  code: string;
  name: string;
  units: number;
  price: Money;
}

export interface UnitPackageUpdateInput {
  code: string;
  name?: string | null;
  units?: number | null;
  price?: Money | null;
}

type Query = { select?: Prisma.UnitPackageSelect; include?: Prisma.UnitPackageInclude };

/** The price list of prepaid unit packages. Entries keep their own units and amount, so edits never rewrite history. */
export class UnitPackageService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(viewer: Viewer, data: UnitPackageCreateInput, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const pkg = ledger.unitPackage(data);
    return uniquely("code", `Package code ${pkg.code} is already taken`, () => this.deps.prisma.unitPackage.create({ ...selection(query), data: pkg }));
  }

  async update(viewer: Viewer, data: UnitPackageUpdateInput, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const code = ledger.packageCode("code", data.code);
    const price = data.price ? ledger.packagePrice("price", data.price) : null;
    const changes = {
      ...(data.name != null ? { name: ledger.packageName("name", data.name) } : {}),
      ...(data.units != null ? { units: ledger.packageUnits("units", data.units) } : {}),
      ...(price ? { priceMinor: price.amountMinor, currency: price.currency } : {}),
    };
    await this.existing(code);
    return this.deps.prisma.unitPackage.update({ ...selection(query), where: byCode(code), data: changes });
  }

  /** Takes a package off sale; archiving twice keeps the first date. */
  async archive(viewer: Viewer, data: { code: string }, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const code = ledger.packageCode("code", data.code);
    const pkg = await this.existing(code);
    return this.deps.prisma.unitPackage.update({ ...selection(query), where: byCode(code), data: { archivedAt: pkg.archivedAt ?? this.deps.now() } });
  }

  /** The price list, smallest package first; archived packages only for staff who ask for them. */
  list(viewer: Viewer, options: { includeArchived?: boolean | null }, query: Query = {}) {
    const where = options.includeArchived && isStaff(viewer) ? {} : { archivedAt: null };
    return this.deps.prisma.unitPackage.findMany({ ...selection(query), where, orderBy: [{ units: "asc" }, { code: "asc" }] });
  }

  byId(id: string, query: Query = {}) {
    return this.deps.prisma.unitPackage.findUnique({ ...selection(query), where: { id } });
  }

  /** The package on sale with the lowest price (of equal prices, the most units): what to buy when units run out. */
  cheapest() {
    return this.deps.prisma.unitPackage.findFirst({ where: { archivedAt: null }, orderBy: [{ priceMinor: "asc" }, { units: "desc" }, { code: "asc" }] });
  }

  /** The cheapest way to buy at least `units` from the packages on sale (in one currency). */
  async quote(units: number, currencyCode?: string | null): Promise<ledger.UnitQuote<UnitPackage>> {
    const wanted = ledger.positiveUnits("units", units, ledger.MAX_QUOTE_UNITS);
    const only = currencyCode == null ? null : currency("currency", currencyCode);
    const packages = await this.deps.prisma.unitPackage.findMany({ where: { archivedAt: null, ...(only ? { currency: only } : {}) } });
    const quote = ledger.quoteUnits(packages, wanted);
    if (!quote) throw new NotFoundError(only ? "currency" : "units", `No unit packages are on sale${only ? ` in ${only}` : ""}`);
    return quote;
  }

  private async existing(code: string) {
    const pkg = await this.deps.prisma.unitPackage.findUnique({ where: byCode(code) });
    if (!pkg) throw new NotFoundError("code", `No unit package with code ${code}`);
    return pkg;
  }
}
