import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/server/schema.ts";

describe("schema.graphql", () => {
  it("is the printed schema (run `npm run schema:print` after changing a schema file)", () => {
    const checkedIn = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(checkedIn).toBe(`${printSchema(schema)}\n`);
  });
});
