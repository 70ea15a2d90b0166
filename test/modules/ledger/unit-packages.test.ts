import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../../helpers/gql.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const RESULT = `__typename
  ... on Error { message code }
  ... on ValidationError { field }
  ... on NotFoundError { field }
  ... on ConflictError { field }`;
const PACKAGE = `unitPackage { code name units price { amountMinor currency } pricePerUnit { amountMinor currency } archivedAt }`;
const CREATE = `mutation($input: UnitPackageCreateInput!) { unitPackageCreate(input: $input) { ${RESULT} ... on UnitPackageCreateSuccess { ${PACKAGE} } } }`;
const UPDATE = `mutation($input: UnitPackageUpdateInput!) { unitPackageUpdate(input: $input) { ${RESULT} ... on UnitPackageUpdateSuccess { ${PACKAGE} } } }`;
const ARCHIVE = `mutation($input: UnitPackageArchiveInput!) { unitPackageArchive(input: $input) { ${RESULT} ... on UnitPackageArchiveSuccess { ${PACKAGE} } } }`;
const LIST = `query($all: Boolean) { unitPackages(includeArchived: $all) { code units pricePerUnit { amountMinor currency } } }`;
const QUOTE = `query($units: Int!, $currency: String) {
  unitQuote(units: $units, currency: $currency) {
    wanted units surplus total { amountMinor currency }
    lines { count units subtotal { amountMinor } package { code } }
  }
}`;

const eur = (amountMinor: number) => ({ amountMinor, currency: "EUR" });

describe("unit packages and quotes through GraphQL", () => {
  let t: TestApp;
  let customerToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [code, units, price] of [
      ["UNITS-4", 4, 9900],
      ["UNITS-20", 20, 44900],
      ["UNITS-40", 40, 84900],
    ] as const) {
      const { unitPackageCreate } = dataOf(await t.gql(CREATE, { input: { code, name: `${units} units`, units, price: eur(price) } }));
      expect(unitPackageCreate.__typename).toBe("UnitPackageCreateSuccess");
    }
    dataOf(await t.gql(`mutation { accountCreate(input: { customerNumber: "C-7001", name: "Quote Customer" }) { __typename } }`));
    customerToken = await t.token("CUSTOMER", { customerNumber: "C-7001" });
  });
  afterAll(() => t.stop());

  it("lists the price list smallest first, with the price per unit falling with volume", async () => {
    const { unitPackages } = dataOf(await t.gql(LIST, {}, customerToken));
    expect(unitPackages).toEqual([
      { code: "UNITS-4", units: 4, pricePerUnit: eur(2475) },
      { code: "UNITS-20", units: 20, pricePerUnit: eur(2245) },
      { code: "UNITS-40", units: 40, pricePerUnit: eur(2123) },
    ]);
  });

  it.each([
    [3, "1×UNITS-4", 4, 9900],
    [17, "1×UNITS-20", 20, 44900],
    [65, "1×UNITS-40 + 1×UNITS-20 + 2×UNITS-4", 68, 149600],
  ])("quotes %i units as %s", async (units, lines, bought, total) => {
    const { unitQuote } = dataOf(await t.gql(QUOTE, { units }, customerToken));
    expect(unitQuote).toMatchObject({ wanted: units, units: bought, surplus: bought - units, total: eur(total) });
    expect(unitQuote.lines.map((line: any) => `${line.count}×${line.package.code}`).join(" + ")).toBe(lines);
    expect(unitQuote.lines.reduce((sum: number, line: any) => sum + line.subtotal.amountMinor, 0)).toBe(total);
  });

  it.each([
    ["zero units", { units: 0 }, "units"],
    ["too many units", { units: 10_001 }, "units"],
    ["a malformed currency", { units: 4, currency: "EURO" }, "currency"],
    ["a currency nothing is sold in", { units: 4, currency: "CHF" }, "currency"],
  ])("a quote for %s names the field", async (_label, variables, field) => {
    const response = await t.gql(QUOTE, variables);
    expect(response.errors?.[0]?.extensions).toMatchObject({ field });
  });

  it("updates and archives packages; archived ones leave the price list but stay visible to staff", async () => {
    dataOf(await t.gql(CREATE, { input: { code: "TRIAL-2", name: "Trial", units: 2, price: eur(1000) } }));
    const { unitPackageUpdate } = dataOf(
      await t.gql(UPDATE, { input: { code: "trial-2", name: "Trial pack", price: { amountMinor: 1200, currency: "eur" } } }),
    );
    expect(unitPackageUpdate).toMatchObject({
      __typename: "UnitPackageUpdateSuccess",
      unitPackage: { name: "Trial pack", price: eur(1200), pricePerUnit: eur(600) },
    });
    const first = dataOf(await t.gql(ARCHIVE, { input: { code: "TRIAL-2" } })).unitPackageArchive;
    const again = dataOf(await t.gql(ARCHIVE, { input: { code: "TRIAL-2" } })).unitPackageArchive;
    expect(first.unitPackage.archivedAt).toBeTruthy();
    expect(again.unitPackage.archivedAt).toBe(first.unitPackage.archivedAt);
    const listed = async (all: boolean, token?: string) => dataOf(await t.gql(LIST, { all }, token)).unitPackages.map((p: any) => p.code);
    expect(await listed(false)).not.toContain("TRIAL-2");
    expect(await listed(true)).toContain("TRIAL-2");
    expect(await listed(true, customerToken)).not.toContain("TRIAL-2");
    expect(dataOf(await t.gql(QUOTE, { units: 2 })).unitQuote.lines[0].package.code).toBe("UNITS-4");
  });

  describe("bad input: a typed error naming the field, nothing written", () => {
    const count = async () => dataOf(await t.gql(LIST, { all: true })).unitPackages.length;
    const good = { code: "NEW-1", name: "New", units: 10, price: eur(20000) };

    it.each([
      ["a taken code", { code: "units-4" }, "ConflictError", "code"],
      ["a malformed code", { code: "new pack" }, "ValidationError", "code"],
      ["an empty name", { name: " " }, "ValidationError", "name"],
      ["an overlong name", { name: "n".repeat(201) }, "ValidationError", "name"],
      ["zero units", { units: 0 }, "ValidationError", "units"],
      ["negative units", { units: -10 }, "ValidationError", "units"],
      ["a negative price", { price: eur(-1) }, "ValidationError", "price.amountMinor"],
      ["a bad currency", { price: { amountMinor: 100, currency: "€" } }, "ValidationError", "price.currency"],
    ])("create with %s", async (_label, change, typename, field) => {
      const before = await count();
      const { unitPackageCreate } = dataOf(await t.gql(CREATE, { input: { ...good, ...change } }));
      expect(unitPackageCreate).toMatchObject({ __typename: typename, field });
      expect(unitPackageCreate.message).toBeTruthy();
      expect(await count()).toBe(before);
    });

    it("update and archive of an unknown package", async () => {
      expect(dataOf(await t.gql(UPDATE, { input: { code: "NOPE", units: 3 } })).unitPackageUpdate).toMatchObject({
        __typename: "NotFoundError",
        field: "code",
      });
      expect(dataOf(await t.gql(ARCHIVE, { input: { code: "NOPE" } })).unitPackageArchive).toMatchObject({ __typename: "NotFoundError", field: "code" });
    });

    it("update with zero units leaves the package as it was", async () => {
      expect(dataOf(await t.gql(UPDATE, { input: { code: "UNITS-4", units: 0 } })).unitPackageUpdate).toMatchObject({
        __typename: "ValidationError",
        field: "units",
      });
      expect(dataOf(await t.gql(LIST, {})).unitPackages[0]).toMatchObject({ code: "UNITS-4", units: 4 });
    });

    it("customers cannot change the price list", async () => {
      const before = await count();
      const { unitPackageCreate } = dataOf(await t.gql(CREATE, { input: good }, customerToken));
      expect(unitPackageCreate).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
      expect(await count()).toBe(before);
    });
  });
});
