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
    code: t.exposeString("code", { description: "Unique upper-case code buyers name in unitsPurchase, e.g. UNITS-20." }),
    name: t.exposeString("name", { description: "A name for people, e.g. 20 units (5 hours)." }),
    units: t.exposeInt("units", { description: "Units one package credits, 1–10,000; 1 unit = 15 minutes of work." }),
    price: t.field({
      type: Money,
      description: "What one package costs now; purchases keep the price they paid.",
      resolve: (pkg) => ({ amountMinor: pkg.priceMinor, currency: pkg.currency }),
    }),
    pricePerUnit: t.field({ type: Money, description: "Price of one unit, rounded to the nearest minor unit.", resolve: (pkg) => pricePerUnit(pkg) }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true, description: "Set once the package is no longer sold." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was put on the price list." }),
  }),
});

type PackageQuote = Quote<UnitPackageRow>;

const UnitQuoteLine = builder.objectRef<PackageQuote["lines"][number]>("UnitQuoteLine").implement({
  description: "One package of a quote and how many of it to buy.",
  fields: (t) => ({
    package: t.field({ type: UnitPackage, description: "The package to buy.", resolve: (line) => line.package }),
    count: t.exposeInt("count", { description: "How many of the package to buy, at least 1; the `quantity` of unitsPurchase." }),
    units: t.int({ description: "Units this line credits: count × the package's units.", resolve: (line) => line.count * line.package.units }),
    subtotal: t.field({
      type: Money,
      description: "What this line costs: count × the package's price.",
      resolve: (line) => ({ amountMinor: line.count * line.package.priceMinor, currency: line.package.currency }),
    }),
  }),
});

const UnitQuote = builder.objectRef<PackageQuote>("UnitQuote").implement({
  description: "The cheapest packages covering the units wanted; ties go to fewer surplus units, then fewer packages.",
  fields: (t) => ({
    wanted: t.exposeInt("wanted", { description: "The units asked for, 1 unit = 15 minutes of work." }),
    units: t.exposeInt("units", { description: "Units bought: at least the units wanted." }),
    surplus: t.exposeInt("surplus", { description: "Units bought beyond those wanted (units − wanted); they never expire." }),
    total: t.field({ type: Money, description: "What all lines cost together, in the packages' one currency.", resolve: (quote) => quote.total }),
    lines: t.field({ type: [UnitQuoteLine], description: "The packages to buy, largest first.", resolve: (quote) => quote.lines }),
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
  unitQuote: t.field({
    description: "The cheapest combination of live packages that covers at least `units` units.",
    type: UnitQuote,
    authScopes: { authenticated: true },
    args: {
      units: t.arg.int({ description: "Units wanted, a whole number from 1; 1 unit is 15 minutes of work." }),
      currency: t.arg.string({ required: false, description: "Needed only when packages are sold in several currencies." }),
    },
    resolve: (_root, args, ctx) => ctx.services.unitPackages.quote(args.units, args.currency),
  }),
}));

const NAME = "A name for people, 1–200 characters after trimming.";
const UNITS = "Units one package credits, a whole number 1–10,000 (1 unit = 15 minutes).";
const PRICE = "Price of one package, at most 100,000.00 in its currency.";
const CODE = "The package's code, e.g. UNITS-20; any case.";

const UnitPackageCreateInput = builder.inputType("UnitPackageCreateInput", {
  description: "A new package on the price list; staff only.",
  fields: (t) => ({
    code: t.string({ description: "Unique, upper-case, e.g. UNITS-20." }),
    name: t.string({ description: NAME }),
    units: t.int({ description: UNITS }),
    price: t.field({ type: MoneyInput, description: PRICE }),
  }),
});

const UnitPackageUpdateInput = builder.inputType("UnitPackageUpdateInput", {
  description: "Changes to a package on the price list; fields left out keep their value, past purchases keep theirs.",
  fields: (t) => ({
    code: t.string({ description: `${CODE} The code itself never changes.` }),
    name: t.string({ required: false, description: NAME }),
    units: t.int({ required: false, description: UNITS }),
    price: t.field({ type: MoneyInput, required: false, description: PRICE }),
  }),
});

const UnitPackageArchiveInput = builder.inputType("UnitPackageArchiveInput", {
  description: "A package to take off sale; archiving it again keeps the first archivedAt.",
  fields: (t) => ({ code: t.string({ description: CODE }) }),
});

const packageResult = { types: COMMON_ERRORS, dataField: { name: "unitPackage", description: "The package as it is after the write." } } as const;

builder.mutationFields((t) => ({
  unitPackageCreate: t.prismaField({
    description: "Creates a prepaid unit package (units per package, price); bigger packages should cost less per unit.",
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
  unitPackageArchive: t.prismaField({
    description: "Archives a unit package: it is no longer sold or quoted; past purchases keep pointing at it.",
    type: "UnitPackage",
    authScopes: { authenticated: true },
    errors: packageResult,
    args: { input: t.arg({ type: UnitPackageArchiveInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.unitPackages.archive(ctx.viewer, input, query),
  }),
}));
