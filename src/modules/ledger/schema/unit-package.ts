import { pricePerUnit, type UnitQuote as Quote } from "../domain/index.ts";
import type { UnitPackage as UnitPackageRow } from "../../../generated/prisma/client.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { Money, MoneyInput } from "../../../graphql/scalars.ts";

export const UnitPackage = builder.prismaNode("UnitPackage", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A package of prepaid support units (1 unit = 15 minutes) on the price list.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    units: t.exposeInt("units"),
    price: t.field({ type: Money, resolve: (pkg) => ({ amountMinor: pkg.priceMinor, currency: pkg.currency }) }),
    pricePerUnit: t.field({ type: Money, description: "Price of one unit, rounded to the nearest minor unit.", resolve: (pkg) => pricePerUnit(pkg) }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true, description: "Set once the package is no longer sold." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

type PackageQuote = Quote<UnitPackageRow>;

const UnitQuoteLine = builder.objectRef<PackageQuote["lines"][number]>("UnitQuoteLine").implement({
  fields: (t) => ({
    package: t.field({ type: UnitPackage, resolve: (line) => line.package }),
    count: t.exposeInt("count"),
    units: t.int({ resolve: (line) => line.count * line.package.units }),
    subtotal: t.field({ type: Money, resolve: (line) => ({ amountMinor: line.count * line.package.priceMinor, currency: line.package.currency }) }),
  }),
});

const UnitQuote = builder.objectRef<PackageQuote>("UnitQuote").implement({
  description: "The cheapest packages covering the units wanted; ties go to fewer surplus units, then fewer packages.",
  fields: (t) => ({
    wanted: t.exposeInt("wanted"),
    units: t.exposeInt("units", { description: "Units bought: at least the units wanted." }),
    surplus: t.exposeInt("surplus"),
    total: t.field({ type: Money, resolve: (quote) => quote.total }),
    lines: t.field({ type: [UnitQuoteLine], resolve: (quote) => quote.lines }),
  }),
});

builder.queryFields((t) => ({
  unitPackages: t.prismaField({
    type: ["UnitPackage"],
    description: "The price list, smallest package first.",
    authScopes: { authenticated: true },
    args: { includeArchived: t.arg.boolean({ required: false, defaultValue: false, description: "Staff only." }) },
    resolve: (query, _root, args, ctx) => ctx.services.unitPackages.list(ctx.viewer, args, query),
  }),
  unitQuote: t.field({ description: "The cheapest combination of live packages that covers at least `units` units.",
    type: UnitQuote,
    authScopes: { authenticated: true },
    args: {
      units: t.arg.int({ description: "Units wanted, a whole number from 1; 1 unit is 15 minutes of work." }),
      currency: t.arg.string({ required: false, description: "Needed only when packages are sold in several currencies." }),
    },
    resolve: (_root, args, ctx) => ctx.services.unitPackages.quote(args.units, args.currency),
  }),
}));

const UnitPackageCreateInput = builder.inputType("UnitPackageCreateInput", {
  fields: (t) => ({
    code: t.string({ description: "Unique, upper-case, e.g. UNITS-20." }),
    name: t.string(),
    units: t.int(),
    price: t.field({ type: MoneyInput }),
  }),
});

const UnitPackageUpdateInput = builder.inputType("UnitPackageUpdateInput", {
  fields: (t) => ({
    code: t.string(),
    name: t.string({ required: false }),
    units: t.int({ required: false }),
    price: t.field({ type: MoneyInput, required: false }),
  }),
});

const UnitPackageArchiveInput = builder.inputType("UnitPackageArchiveInput", { fields: (t) => ({ code: t.string() }) });

const packageResult = { types: COMMON_ERRORS, dataField: { name: "unitPackage" } } as const;

builder.mutationFields((t) => ({
  unitPackageCreate: t.prismaField({ description: "Creates a prepaid unit package (units per package, price); bigger packages should cost less per unit.",
    type: "UnitPackage",
    authScopes: { authenticated: true },
    errors: packageResult,
    args: { input: t.arg({ type: UnitPackageCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.unitPackages.create(ctx.viewer, input, query),
  }),
  unitPackageUpdate: t.prismaField({
    type: "UnitPackage",
    description: "Changes the price list; ledger entries keep the units and amount of their purchase.",
    authScopes: { authenticated: true },
    errors: packageResult,
    args: { input: t.arg({ type: UnitPackageUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.unitPackages.update(ctx.viewer, input, query),
  }),
  unitPackageArchive: t.prismaField({ description: "Archives a unit package: it is no longer sold or quoted; past purchases keep pointing at it.",
    type: "UnitPackage",
    authScopes: { authenticated: true },
    errors: packageResult,
    args: { input: t.arg({ type: UnitPackageArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.unitPackages.archive(ctx.viewer, input, query),
  }),
}));
