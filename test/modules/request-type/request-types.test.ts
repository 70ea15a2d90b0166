import { servicesIn } from "../../helpers/workspace-db.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STANDARD_REQUEST_TYPES } from "../../../src/modules/request-type/domain/standard-request-types.ts";
import { dataOf } from "../../helpers/gql.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const FIELDS = `code name inScope writtenOnly premiumOnly requiresEntitlement requiredInformation { key label when } alternative`;
const errorFields = `__typename ... on Error { code message } ... on ValidationError { field } ... on NotFoundError { field } ... on ConflictError { field }`;
const CREATE = `mutation($input: RequestTypeCreateInput!) { requestTypeCreate(input: $input) { ${errorFields} ... on RequestTypeCreateSuccess { requestType { ${FIELDS} } } } }`;
const UPDATE = `mutation($input: RequestTypeUpdateInput!) { requestTypeUpdate(input: $input) { ${errorFields} ... on RequestTypeUpdateSuccess { requestType { ${FIELDS} } } } }`;
const LIST = `{ requestTypes(first: 100) { totalCount edges { node { ${FIELDS} } } } }`;

describe("request types through GraphQL", () => {
  let t: TestApp;
  const all = async () => dataOf(await t.gql(LIST)).requestTypes;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("starts with the request types the sources name", async () => {
    const { edges: listed } = await all();
    // other tests here add their own types
    const edges = listed.filter((e: any) => STANDARD_REQUEST_TYPES.some((standard) => standard.code === e.node.code));
    expect(edges).toHaveLength(STANDARD_REQUEST_TYPES.length);
    const byCode = Object.fromEntries(edges.map((e: any) => [e.node.code, e.node]));
    expect(
      edges
        .filter((e: any) => e.node.writtenOnly)
        .map((e: any) => e.node.code)
        .sort(),
    ).toEqual(["ACCOUNT_UNLOCK", "BILLING_DATA", "CARD_DATA_DELETION", "CONTACT_DELETION", "DELIVERABILITY_INVESTIGATION", "INVOICE_REQUEST", "REFUND"]);
    expect(byCode.HOW_TO).toMatchObject({ premiumOnly: true, requiresEntitlement: "HOW_TO" });
    expect(byCode.CUSTOMISATION).toMatchObject({ inScope: false, alternative: expect.stringContaining("paid offer") });
    expect(byCode.INSTALLATION).toMatchObject({ requiresEntitlement: "INSTALLATION" });
    for (const code of ["USAGE_QUESTION", "TECHNICAL_QUESTION", "DEFECT", "UPDATE"]) expect(byCode[code]).toMatchObject({ inScope: true, writtenOnly: false });
  });

  const withChecklist = (code: string) => ({
    code,
    name: "Data migration",
    premiumOnly: true,
    requiresEntitlement: "DEVELOPMENT",
    requiredInformation: [
      { key: "sourceSystem", label: "The system the data comes from" },
      { key: "databaseBackup", label: "A database backup", when: "BROKEN_DATABASE" },
    ],
  });

  it("creates one with a checklist", async () => {
    const { requestTypeCreate } = dataOf(await t.gql(CREATE, { input: withChecklist("data_migration") }));
    expect(requestTypeCreate.requestType).toEqual({
      code: "DATA_MIGRATION",
      name: "Data migration",
      inScope: true,
      writtenOnly: false,
      premiumOnly: true,
      requiresEntitlement: "DEVELOPMENT",
      requiredInformation: [
        { key: "sourceSystem", label: "The system the data comes from", when: null },
        { key: "databaseBackup", label: "A database backup", when: "BROKEN_DATABASE" },
      ],
      alternative: null,
    });
  });

  it("updates what is given; null clears the entitlement and the alternative", async () => {
    dataOf(await t.gql(CREATE, { input: withChecklist("DATA_EXPORT") }));
    const { requestTypeUpdate } = dataOf(await t.gql(UPDATE, { input: { code: "DATA_EXPORT", inScope: false, alternative: "Ask sales for a quote." } }));
    expect(requestTypeUpdate.requestType).toMatchObject({
      inScope: false,
      alternative: "Ask sales for a quote.",
      premiumOnly: true,
      requiresEntitlement: "DEVELOPMENT",
    });
    expect(requestTypeUpdate.requestType.requiredInformation).toHaveLength(2);
    const cleared = dataOf(await t.gql(UPDATE, { input: { code: "DATA_EXPORT", alternative: null, requiresEntitlement: null } })).requestTypeUpdate;
    expect(cleared.requestType).toMatchObject({ alternative: null, requiresEntitlement: null, inScope: false });
  });

  it("adds missing standard types at start-up and keeps edits", async () => {
    dataOf(await t.gql(UPDATE, { input: { code: "REFUND", name: "Refund of a payment" } }));
    expect(await servicesIn(t.app).requestTypes.ensureStandard()).toBe(0);
    const { requestType } = dataOf(await t.gql(`{ requestType(code: "REFUND") { name writtenOnly } }`));
    expect(requestType).toEqual({ name: "Refund of a payment", writtenOnly: true });
  });

  describe("bad input: a typed error naming the field, nothing written", () => {
    it.each<[string, Record<string, unknown>, string, string]>([
      ["a malformed code", { code: "refund!", name: "x" }, "ValidationError", "code"],
      ["a taken code", { code: "REFUND", name: "x" }, "ConflictError", "code"],
      ["an empty name", { code: "NEW_TYPE", name: "  " }, "ValidationError", "name"],
      [
        "a malformed item key",
        { code: "NEW_TYPE", name: "x", requiredInformation: [{ key: "Bad Key", label: "x" }] },
        "ValidationError",
        "requiredInformation.0.key",
      ],
      [
        "an item key twice",
        {
          code: "NEW_TYPE",
          name: "x",
          requiredInformation: [
            { key: "a", label: "x" },
            { key: "a", label: "y" },
          ],
        },
        "ValidationError",
        "requiredInformation.1.key",
      ],
      [
        "an empty item label",
        { code: "NEW_TYPE", name: "x", requiredInformation: [{ key: "a", label: "" }] },
        "ValidationError",
        "requiredInformation.0.label",
      ],
      ["an overlong alternative", { code: "NEW_TYPE", name: "x", alternative: "x".repeat(501) }, "ValidationError", "alternative"],
    ])("%s", async (_label, input, typename, field) => {
      const before = (await all()).totalCount;
      const { requestTypeCreate } = dataOf(await t.gql(CREATE, { input }));
      expect(requestTypeCreate).toMatchObject({ __typename: typename, field });
      expect((await all()).totalCount).toBe(before);
    });

    it("an unknown type to update", async () => {
      expect(dataOf(await t.gql(UPDATE, { input: { code: "NOPE", name: "x" } })).requestTypeUpdate).toMatchObject({
        __typename: "NotFoundError",
        field: "code",
      });
    });
  });
});
