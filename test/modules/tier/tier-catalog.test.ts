import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paidLevels, ticket247 } from "../../fixtures/calendars.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createWorkspace } from "../../helpers/workspaces.ts";

const TIER_FIELDS = `code name includedByDefault monthlyPrice { amountMinor currency } priority { rank label }
  targets { kind amount unit clock guaranteed calendar { id name } }
  channels { channel languages pinRequired written calendar { name } }
  warningThresholds entitlements unitBased partnerSaleCutoff archivedAt`;
const errorFields = `__typename ... on Error { code message } ... on ValidationError { field } ... on NotFoundError { field } ... on ConflictError { field }`;
const CREATE = `mutation($input: TierCreateInput!) { tierCreate(input: $input) { ${errorFields} ... on TierCreateSuccess { tier { ${TIER_FIELDS} } } } }`;
const UPDATE = `mutation($input: TierUpdateInput!) { tierUpdate(input: $input) { ${errorFields} ... on TierUpdateSuccess { tier { ${TIER_FIELDS} } } } }`;
const ARCHIVE = `mutation($code: String!) { tierArchive(input: { code: $code }) { ${errorFields} ... on TierArchiveSuccess { tier { code archivedAt } } } }`;
const LIST = `query($includeArchived: Boolean) { tiers(includeArchived: $includeArchived) { totalCount edges { node { code } } } }`;
const CALENDAR = `mutation($input: BusinessCalendarInput!) { calendarCreate(input: $input) { ... on CalendarCreateSuccess { calendar { id } } } }`;

describe("the tier catalog through GraphQL", () => {
  let t: TestApp;
  let hours: string;
  let always: string;
  let customer: string;
  /** A Silver-like tier on calendars of the default workspace, or on those given. */
  const tier = (overrides: Record<string, unknown> = {}, calendars = { hours, always }) => ({
    code: "SILVER",
    name: "Support level Silver",
    monthlyPrice: { amountMinor: 3900, currency: "EUR" },
    priority: { rank: 3, label: "high" },
    targets: [{ kind: "FIRST_RESPONSE", amount: 8, unit: "HOURS", clock: "BUSINESS_HOURS", calendarId: calendars.hours, guaranteed: true }],
    channels: [
      { channel: "PHONE_CALLBACK", calendarId: calendars.hours, languages: ["de"] },
      { channel: "EMAIL", calendarId: calendars.always, languages: ["de", "en"] },
    ],
    ...overrides,
  });
  const basis = (calendars = { hours, always }) =>
    tier(
      { code: "BASIS", name: "Basis", includedByDefault: true, monthlyPrice: { amountMinor: 0, currency: "EUR" }, priority: { rank: 1, label: "normal" } },
      calendars,
    );
  const count = async () => dataOf(await t.gql(LIST, { includeArchived: true })).tiers.totalCount;
  /** Creates a tier (of a code of its own) for a test to change, and fails unless it was created. */
  const created = async (overrides: Record<string, unknown>) => {
    const { tierCreate } = dataOf(await t.gql(CREATE, { input: tier(overrides) }));
    expect(tierCreate.__typename, JSON.stringify(tierCreate)).toBe("TierCreateSuccess");
    return tierCreate.tier;
  };

  // BASIS, the included level, is shared: no test changes it. Tests that change a tier create their own.
  beforeAll(async () => {
    t = await startTestApp();
    hours = dataOf(await t.gql(CALENDAR, { input: paidLevels })).calendarCreate.calendar.id;
    always = dataOf(await t.gql(CALENDAR, { input: ticket247 })).calendarCreate.calendar.id;
    await createAccount(t, "C-1");
    customer = await t.token("CUSTOMER", { customerNumber: "C-1" });
    expect(dataOf(await t.gql(CREATE, { input: basis() })).tierCreate.__typename).toBe("TierCreateSuccess");
  });
  afterAll(() => t.stop());

  it("creates a tier with its targets, channels and defaults", async () => {
    const { tierCreate } = dataOf(await t.gql(CREATE, { input: tier({ code: " silver ", entitlements: ["HOW_TO", "HOW_TO"] }) }));
    expect(tierCreate.__typename).toBe("TierCreateSuccess");
    expect(tierCreate.tier).toEqual({
      code: "SILVER",
      name: "Support level Silver",
      includedByDefault: false,
      monthlyPrice: { amountMinor: 3900, currency: "EUR" },
      priority: { rank: 3, label: "high" },
      targets: [
        { kind: "FIRST_RESPONSE", amount: 8, unit: "HOURS", clock: "BUSINESS_HOURS", guaranteed: true, calendar: { id: hours, name: "Paid support levels" } },
      ],
      channels: [
        { channel: "EMAIL", languages: ["de", "en"], pinRequired: false, written: true, calendar: { name: "Ticket 24/7" } },
        { channel: "PHONE_CALLBACK", languages: ["de"], pinRequired: false, written: false, calendar: { name: "Paid support levels" } },
      ],
      warningThresholds: [0.75, 0.9],
      entitlements: ["HOW_TO"],
      unitBased: false,
      partnerSaleCutoff: null,
      archivedAt: null,
    });
  });

  it("lists the catalog by priority rank and finds a tier by code", async () => {
    // a catalog of its own, in a workspace of its own: BASIS and SILVER, nothing another test adds
    const shop = await createWorkspace(t, "tier-catalog-list");
    const calendars = {
      hours: dataOf(await shop.gql(CALENDAR, { input: paidLevels })).calendarCreate.calendar.id,
      always: dataOf(await shop.gql(CALENDAR, { input: ticket247 })).calendarCreate.calendar.id,
    };
    for (const input of [tier({}, calendars), basis(calendars)])
      expect(dataOf(await shop.gql(CREATE, { input })).tierCreate.__typename).toBe("TierCreateSuccess");
    await createAccount(shop, "C-1");
    const reader = await shop.token("CUSTOMER", { customerNumber: "C-1" });

    const { tiers } = dataOf(await shop.gql(LIST, {}));
    expect(tiers.edges.map((e: any) => e.node.code)).toEqual(["BASIS", "SILVER"]);
    const page = `query($after: String) { tiers(first: 1, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`;
    const first = dataOf(await shop.gql(page, {})).tiers;
    const second = dataOf(await shop.gql(page, { after: first.pageInfo.endCursor })).tiers;
    expect([first.edges[0].node.code, first.pageInfo.hasNextPage, second.edges[0].node.code, second.pageInfo.hasNextPage]).toEqual([
      "BASIS",
      true,
      "SILVER",
      false,
    ]);
    const { tier: found } = dataOf(await shop.gql(`{ tier(code: "silver") { code priority { rank } } }`, {}, reader));
    expect(found).toEqual({ code: "SILVER", priority: { rank: 3 } });
  });

  it("updates what is given and keeps the rest", async () => {
    await created({ code: "SILVER-UPDATED", entitlements: ["HOW_TO"] });
    const { tierUpdate } = dataOf(
      await t.gql(UPDATE, {
        input: {
          code: "SILVER-UPDATED",
          monthlyPrice: { amountMinor: 4900, currency: "eur" },
          targets: [
            { kind: "RESOLUTION", amount: 5, unit: "DAYS", clock: "WORKING_DAYS", calendarId: hours, guaranteed: false },
            { kind: "FIRST_RESPONSE", amount: 6, unit: "HOURS", clock: "BUSINESS_HOURS", calendarId: hours, guaranteed: true },
          ],
          warningThresholds: [0.5, 0.8, 0.95],
          partnerSaleCutoff: "18:00",
        },
      }),
    );
    expect(tierUpdate.tier).toMatchObject({
      name: "Support level Silver",
      monthlyPrice: { amountMinor: 4900, currency: "EUR" },
      warningThresholds: [0.5, 0.8, 0.95],
      partnerSaleCutoff: "18:00",
      entitlements: ["HOW_TO"],
    });
    expect(tierUpdate.tier.targets.map((target: any) => [target.kind, target.amount])).toEqual([
      ["FIRST_RESPONSE", 6],
      ["RESOLUTION", 5],
    ]);
    expect(tierUpdate.tier.channels).toHaveLength(2);
    const cleared = dataOf(await t.gql(UPDATE, { input: { code: "SILVER-UPDATED", partnerSaleCutoff: null } })).tierUpdate.tier;
    expect(cleared).toMatchObject({ partnerSaleCutoff: null, monthlyPrice: { amountMinor: 4900 } });
  });

  it("archives a tier: it leaves the catalog and can no longer be booked", async () => {
    expect(dataOf(await t.gql(CREATE, { input: tier({ code: "LEGACY" }) })).tierCreate.__typename).toBe("TierCreateSuccess");
    const { tierArchive } = dataOf(await t.gql(ARCHIVE, { code: "LEGACY" }));
    expect(tierArchive.tier.archivedAt).toBeTruthy();
    expect(dataOf(await t.gql(LIST, {})).tiers.edges.map((e: any) => e.node.code)).not.toContain("LEGACY");
    expect(dataOf(await t.gql(LIST, { includeArchived: true })).tiers.edges.map((e: any) => e.node.code)).toContain("LEGACY");
    const booking = await t.gql(
      `mutation { tierSubscribe(input: { customerNumber: "C-1", tierCode: "LEGACY" }) { __typename ... on ValidationError { field } } }`,
    );
    expect(dataOf(booking).tierSubscribe).toEqual({ __typename: "ValidationError", field: "tierCode" });
  });

  describe("bad input: a typed error naming the field, nothing written", () => {
    const target = (overrides: Record<string, unknown>) => [{ ...tier().targets[0], ...overrides }];
    const channel = (overrides: Record<string, unknown>) => [{ ...tier().channels[1], ...overrides }];
    const unknownCalendar = Buffer.from("BusinessCalendar:01a1fddd-e606-773a-b151-98bee23f65a0").toString("base64url");

    it.each<[string, () => Record<string, unknown>, string, string]>([
      ["a malformed code", () => ({ code: "x!" }), "ValidationError", "code"],
      ["a taken code", () => ({ code: "BASIS" }), "ConflictError", "code"],
      [
        "a second included level",
        () => ({ code: "FREE", includedByDefault: true, monthlyPrice: { amountMinor: 0, currency: "EUR" } }),
        "ConflictError",
        "includedByDefault",
      ],
      ["an included level with a price", () => ({ code: "FREE", includedByDefault: true }), "ValidationError", "monthlyPrice.amountMinor"],
      ["a negative price", () => ({ code: "NEW", monthlyPrice: { amountMinor: -1, currency: "EUR" } }), "ValidationError", "monthlyPrice.amountMinor"],
      ["a bad currency", () => ({ code: "NEW", monthlyPrice: { amountMinor: 100, currency: "EURO" } }), "ValidationError", "monthlyPrice.currency"],
      ["a negative rank", () => ({ code: "NEW", priority: { rank: -1, label: "x" } }), "ValidationError", "priority.rank"],
      ["an empty priority label", () => ({ code: "NEW", priority: { rank: 1, label: " " } }), "ValidationError", "priority.label"],
      ["no first-response target", () => ({ code: "NEW", targets: target({ kind: "RESOLUTION" }) }), "ValidationError", "targets"],
      ["a zero amount", () => ({ code: "NEW", targets: target({ amount: 0 }) }), "ValidationError", "targets.0.amount"],
      ["more than ten years", () => ({ code: "NEW", targets: target({ amount: 3661, unit: "DAYS" }) }), "ValidationError", "targets.0.amount"],
      ["a target kind twice", () => ({ code: "NEW", targets: [...target({}), ...target({})] }), "ValidationError", "targets.1.kind"],
      ["an unknown calendar", () => ({ code: "NEW", targets: target({ calendarId: unknownCalendar }) }), "NotFoundError", "targets.0.calendarId"],
      ["a malformed calendar id", () => ({ code: "NEW", channels: channel({ calendarId: "nope" }) }), "ValidationError", "channels.0.calendarId"],
      ["a channel twice", () => ({ code: "NEW", channels: [...channel({}), ...channel({})] }), "ValidationError", "channels.1.channel"],
      ["no language", () => ({ code: "NEW", channels: channel({ languages: [] }) }), "ValidationError", "channels.0.languages"],
      ["a bad language", () => ({ code: "NEW", channels: channel({ languages: ["de", "german"] }) }), "ValidationError", "channels.0.languages.1"],
      ["thresholds out of order", () => ({ code: "NEW", warningThresholds: [0.9, 0.75] }), "ValidationError", "warningThresholds.1"],
      ["a threshold of 1", () => ({ code: "NEW", warningThresholds: [1] }), "ValidationError", "warningThresholds.0"],
      ["a cutoff at midnight", () => ({ code: "NEW", partnerSaleCutoff: "00:00" }), "ValidationError", "partnerSaleCutoff"],
    ])("%s", async (_label, overrides, typename, field) => {
      const before = await count();
      const { tierCreate } = dataOf(await t.gql(CREATE, { input: tier(overrides()) }));
      expect(tierCreate).toMatchObject({ __typename: typename, field });
      expect(tierCreate.message).toBeTruthy();
      expect(await count()).toBe(before);
    });

    it("an archived calendar", async () => {
      const old = dataOf(await t.gql(CALENDAR, { input: { ...paidLevels, name: "Old hours" } })).calendarCreate.calendar.id;
      dataOf(await t.gql(`mutation($id: ID!) { calendarArchive(input: { id: $id }) { __typename } }`, { id: old }));
      const { tierCreate } = dataOf(await t.gql(CREATE, { input: tier({ code: "NEW", channels: channel({ calendarId: old }) }) }));
      expect(tierCreate).toMatchObject({ __typename: "ValidationError", field: "channels.0.calendarId" });
    });

    it("an update of an unknown tier, or one that breaks a rule, changes nothing", async () => {
      await created({ code: "SILVER-KEPT" });
      expect(dataOf(await t.gql(UPDATE, { input: { code: "NOPE", name: "x" } })).tierUpdate).toMatchObject({ __typename: "NotFoundError", field: "code" });
      const { tierUpdate } = dataOf(await t.gql(UPDATE, { input: { code: "SILVER-KEPT", name: "Renamed", targets: [] } }));
      expect(tierUpdate).toMatchObject({ __typename: "ValidationError", field: "targets" });
      expect(dataOf(await t.gql(`{ tier(code: "SILVER-KEPT") { name targets { kind } } }`)).tier).toMatchObject({
        name: "Support level Silver",
        targets: [{ kind: "FIRST_RESPONSE" }],
      });
    });
  });

  it("lets only staff change the catalog and only the signed-in read it", async () => {
    const asCustomer = await t.gql(CREATE, { input: tier({ code: "MINE" }) }, customer);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await t.gql(LIST, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
