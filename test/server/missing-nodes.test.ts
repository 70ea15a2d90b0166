import { randomUUID } from "node:crypto";
import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.ts";
import { schema } from "../../src/server/schema.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

/** Every type implementing Node, read from the schema so a new one cannot be left out. */
const NODE_TYPES = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node"))
  .map((type) => type.name)
  .sort();

describe("a well-formed id of a row that does not exist is null, not an error", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each(NODE_TYPES)("%s through node and nodes", async (typename) => {
    const missing = encodeId(typename, randomUUID());
    const body = await t.gql(`query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }`, {
      id: missing,
      ids: [missing, encodeId(typename, randomUUID())],
    });
    expect(body).toMatchObject({ status: 200, data: { node: null, nodes: [null, null] } });
    expect(body.errors).toBeUndefined();
  });
});
