import { describe, expect, it } from "vitest";
import { pricePerUnit, quoteUnits, unitPackage, type QuotablePackage } from "../../../../src/modules/ledger/domain/index.ts";
import { expectValidationError } from "../../calendar/domain/support.ts";

const pkg = (code: string, units: number, priceMinor: number, currency = "EUR"): QuotablePackage => ({ code, units, priceMinor, currency });
/** The demo price list: cheaper per unit the more is bought. */
const demo = [pkg("UNITS-4", 4, 9900), pkg("UNITS-20", 20, 44900), pkg("UNITS-40", 40, 84900)];
const lines = (quote: ReturnType<typeof quoteUnits>) => quote?.lines.map((line) => `${line.count}×${line.package.code}`).join(" + ");

describe("quoteUnits: the cheapest combination covering the units wanted", () => {
  const cases: [string, QuotablePackage[], number, string, number, number][] = [
    // label, packages, wanted → lines, units bought, total
    ["one small package", demo, 1, "1×UNITS-4", 4, 9900],
    ["exactly a small package", demo, 4, "1×UNITS-4", 4, 9900],
    ["two small packages beat a big one", demo, 8, "2×UNITS-4", 8, 19800],
    ["four small packages still beat the 20-pack", demo, 16, "4×UNITS-4", 16, 39600],
    ["the 20-pack once it is cheaper than five small ones", demo, 17, "1×UNITS-20", 20, 44900],
    ["the 20-pack plus a small one", demo, 21, "1×UNITS-20 + 1×UNITS-4", 24, 54800],
    ["the 40-pack beats two 20-packs", demo, 40, "1×UNITS-40", 40, 84900],
    ["a big order mixes packages", demo, 65, "1×UNITS-40 + 1×UNITS-20 + 2×UNITS-4", 68, 84900 + 44900 + 2 * 9900],
    ["a bigger package can be cheaper than the exact fit", [pkg("A-3", 3, 1000), pkg("B-5", 5, 900)], 3, "1×B-5", 5, 900],
    ["equal price: less surplus wins", [pkg("A-10", 10, 1000), pkg("B-12", 12, 1000)], 9, "1×A-10", 10, 1000],
    ["equal price and surplus: fewer packages win", [pkg("ONE", 1, 100), pkg("TWO", 2, 200)], 4, "2×TWO", 4, 400],
    ["the given order does not matter", [pkg("TWO", 2, 200), pkg("ONE", 1, 100)], 4, "2×TWO", 4, 400],
    ["a free package", [pkg("FREE", 2, 0), pkg("PAID", 5, 500)], 7, "4×FREE", 8, 0],
  ];
  it.each(cases)("%s", (_label, packages, wanted, expectedLines, units, total) => {
    const quote = quoteUnits(packages, wanted);
    expect(lines(quote)).toBe(expectedLines);
    expect(quote).toMatchObject({ wanted, units, surplus: units - wanted, total: { amountMinor: total, currency: packages[0]!.currency } });
    const bought = quote!.lines.reduce((sum, line) => sum + line.count * line.package.units, 0);
    const paid = quote!.lines.reduce((sum, line) => sum + line.count * line.package.priceMinor, 0);
    expect([bought, paid]).toEqual([units, total]);
  });

  it("matches an exhaustive search on small price lists", () => {
    const lists = [demo, [pkg("A", 3, 700), pkg("B", 7, 1500), pkg("C", 11, 2300)], [pkg("X", 6, 1000), pkg("Y", 9, 1400)]];
    for (const list of lists) {
      for (let wanted = 1; wanted <= 90; wanted++) {
        const quote = quoteUnits(list, wanted)!;
        expect(quote.total.amountMinor, `${wanted} of ${list.map((p) => p.code)}`).toBe(bruteForce(list, wanted));
      }
    }
  });

  it("is null when nothing is on sale", () => expect(quoteUnits([], 5)).toBeNull());

  it.each([[0], [-3], [2.5], [10_001]])("%s units is a ValidationError on units", (wanted) => {
    expectValidationError(() => quoteUnits(demo, wanted), "units");
  });

  it("refuses mixed currencies, naming currency", () => {
    expectValidationError(() => quoteUnits([pkg("E", 1, 100), pkg("C", 1, 100, "CHF")], 3), "currency");
  });

  it("refuses a total beyond a 32-bit amount", () => {
    expectValidationError(() => quoteUnits([pkg("GOLD", 1, 10_000_000)], 10_000), "units");
  });
});

function bruteForce(packages: QuotablePackage[], wanted: number): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (index: number, units: number, cost: number) => {
    if (cost >= best) return;
    if (units >= wanted) return void (best = cost);
    if (index === packages.length) return;
    const p = packages[index]!;
    for (let n = 0; units + (n - 1) * p.units < wanted; n++) walk(index + 1, units + n * p.units, cost + n * p.priceMinor);
  };
  walk(0, 0, 0);
  return best;
}

describe("package definitions and volume pricing", () => {
  it.each([
    ["4 units for 99.00", 4, 9900, 2475],
    ["20 units for 449.00", 20, 44900, 2245],
    ["40 units for 849.00 (half a cent rounds up)", 40, 84900, 2123],
    ["3 units for 10.00", 3, 1000, 333],
  ])("price per unit: %s", (_label, units, priceMinor, perUnit) => {
    expect(pricePerUnit({ units, priceMinor, currency: "EUR" })).toEqual({ amountMinor: perUnit, currency: "EUR" });
  });

  it("normalises code and currency", () => {
    expect(unitPackage({ code: " units-20 ", name: " 20 units ", units: 20, price: { amountMinor: 44900, currency: "eur" } })).toEqual({
      code: "UNITS-20",
      name: "20 units",
      units: 20,
      priceMinor: 44900,
      currency: "EUR",
    });
  });

  const good = { code: "UNITS-20", name: "20 units", units: 20, price: { amountMinor: 44900, currency: "EUR" } };
  it.each([
    ["an empty code", { code: "" }, "code"],
    ["a code with spaces", { code: "UNITS 20" }, "code"],
    ["an overlong code", { code: "U".repeat(33) }, "code"],
    ["an empty name", { name: "  " }, "name"],
    ["an overlong name", { name: "n".repeat(201) }, "name"],
    ["zero units", { units: 0 }, "units"],
    ["negative units", { units: -4 }, "units"],
    ["too many units", { units: 10_001 }, "units"],
    ["a negative price", { price: { amountMinor: -1, currency: "EUR" } }, "price.amountMinor"],
    ["a fractional price", { price: { amountMinor: 99.5, currency: "EUR" } }, "price.amountMinor"],
    ["a price over 100,000.00", { price: { amountMinor: 10_000_001, currency: "EUR" } }, "price.amountMinor"],
    ["a bad currency", { price: { amountMinor: 100, currency: "EURO" } }, "price.currency"],
  ])("refuses %s", (_label, change, field) => {
    expectValidationError(() => unitPackage({ ...good, ...change }), field);
  });
});
