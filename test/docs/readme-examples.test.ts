import { readFileSync } from "node:fs";
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/server/schema.ts";
import { postGql } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

/**
 * Every ```graphql block of README.md, run as written against a demo-seeded server: each named
 * operation in turn (a block with several is sent whole, with its operationName). A `$name`
 * variable takes the first `name` field of an earlier answer in the same block (the README says
 * so); only dates that must lie in the future are given here, relative to today.
 */
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({
  text: match[1]!,
  line: README.slice(0, match.index).split("\n").length + 1,
}));

const nextMonday = DateTime.now().setZone("Europe/Berlin").plus({ weeks: 1 }).startOf("week");
const FUTURE: Record<string, unknown> = {
  // a Monday 10:00 inside the office hours and a Tuesday 19:00 outside them, next week
  proposals: [
    nextMonday.set({ hour: 10 }).toISO({ suppressMilliseconds: true }),
    nextMonday.plus({ days: 1 }).set({ hour: 19 }).toISO({ suppressMilliseconds: true }),
  ],
};

function firstField(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstField(item, name);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object") {
    if (name in value) return (value as Record<string, unknown>)[name];
    for (const item of Object.values(value)) {
      const found = firstField(item, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The demo workspace a block runs in: `# workspace: <slug>` in the block, else 002's. */
const workspaceOf = (text: string) => /^# workspace: (\S+)/m.exec(text)?.[1] ?? "source-002";

const operations = (document: DocumentNode) => document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe("README examples run as written", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED: "demo" } });
  });
  afterAll(() => t.stop());

  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks.map((block) => [block.line, block.text] as const))("the block at README.md:%i", async (_line, text) => {
    const document = parse(text);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    const ops = operations(document);
    if (ops.length > 1) expect(ops.filter((op) => !op.name).length, "several operations in a block need names").toBe(0);
    const answers: unknown[] = [];
    for (const op of ops) {
      if (op.operation === "subscription") continue; // valid against the schema (above); delivery is tested in test/modules
      const variables = Object.fromEntries(
        (op.variableDefinitions ?? []).map(({ variable }) => {
          const name = variable.name.value;
          const value = answers.map((answer) => firstField(answer, name)).find((found) => found !== undefined) ?? FUTURE[name];
          expect(value, `$${name} of ${op.name?.value ?? "the operation"}: no earlier answer has a ${name} field`).toBeDefined();
          return [name, value];
        }),
      );
      const response = await postGql(t.url, text, variables, ADMIN_TOKEN, { "x-workspace": workspaceOf(text) }, op.name?.value);
      const sent = { ...(response as object), request: { operationName: op.name?.value, variables } };
      expect(response.errors, JSON.stringify(sent)).toBeUndefined();
      const failures = JSON.stringify(response.data).match(/"__typename":"\w*Error"/g);
      expect(failures, JSON.stringify(sent)).toBeNull();
      answers.unshift(response.data);
    }
  });
});
