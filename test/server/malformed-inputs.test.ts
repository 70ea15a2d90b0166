import { randomUUID } from "node:crypto";
import {
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { acrossWorkspaces } from "../../src/db/workspace-scope.ts";
import { schema } from "../../src/server/schema.ts";
import { type GqlResponse, postGql } from "../helpers/gql.ts";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.ts";

/** A value of each leaf type that coercion accepts, to fill the fields not under test. */
const PLACEHOLDER: Record<string, unknown> = {
  String: "x",
  ID: encodeId("Ticket", randomUUID()),
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: "2026-03-02T09:00:00+01:00",
  Date: "2026-03-02",
  LocalTime: "09:00",
};

/** Malformed values by leaf type; `edge`: refused before any rule runs, so the refusal must name this very field. */
type Malformed = { label: string; value: unknown; edge: boolean };
const TEXT: Malformed[] = [
  { label: "NUL", value: "a\u0000b", edge: true },
  { label: "unpaired surrogate", value: "a\uD800b", edge: true },
  { label: "1 MB", value: "x".repeat(1_000_000), edge: true },
  { label: "a number", value: 12345, edge: true },
  { label: "an object", value: { a: 1 }, edge: true },
];
const MALFORMED: Record<string, Malformed[]> = {
  String: TEXT,
  // an ID takes a number as its decimal text, so a number is for the rules to refuse
  ID: [
    ...TEXT.filter((bad) => bad.label !== "a number"),
    { label: "a number", value: 12345, edge: false },
    { label: "not an id", value: "not-an-id", edge: false },
    { label: "missing row", value: encodeId("Account", randomUUID()), edge: false },
  ],
  Int: [
    { label: "a string", value: "12", edge: true },
    { label: "2^31", value: 2 ** 31, edge: true },
    { label: "a fraction", value: 1.5, edge: true },
    { label: "max Int", value: 2 ** 31 - 1, edge: false },
    { label: "min Int", value: -(2 ** 31), edge: false },
  ],
  Float: [
    { label: "a string", value: "1.5", edge: true },
    { label: "huge", value: 1e308, edge: false },
  ],
  Boolean: [{ label: "a string", value: "yes", edge: true }],
  DateTime: [
    { label: "no date", value: "yesterday", edge: true },
    { label: "month 13", value: "2026-13-01T00:00:00Z", edge: true },
    { label: "year 9999", value: "9999-12-31T23:59:59Z", edge: false },
    { label: "year 0", value: "0000-01-01T00:00:00Z", edge: false },
  ],
  Date: [
    { label: "30 February", value: "2026-02-30", edge: true },
    { label: "year 9999", value: "9999-12-31", edge: false },
  ],
  LocalTime: [{ label: "25:00", value: "25:00", edge: true }],
};
const ENUM: Malformed[] = [{ label: "unknown value", value: "NOT_A_VALUE", edge: true }, ...TEXT.slice(0, 1)];

interface Leaf {
  path: (string | number)[];
  type: string;
}

/** A value for `type` that coercion accepts, and the leaves inside it (one list element deep, input objects to depth 4). */
function placeholder(type: GraphQLInputType, path: (string | number)[], leaves: Leaf[], depth: number): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [placeholder(nullable.ofType, [...path, 0], leaves, depth)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (depth >= 4 && !isNonNullType(field.type)) continue;
      value[field.name] = placeholder(field.type, [...path, field.name], leaves, depth + 1);
    }
    return value;
  }
  leaves.push({ path, type: isEnumType(named) ? "enum" : named.name });
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isScalarType(named) && named.name in PLACEHOLDER) return PLACEHOLDER[named.name];
  throw new Error(`no placeholder for ${named.name}`);
}

function withValue(base: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let at: any = copy;
  for (const step of path.slice(0, -1)) at = at[step];
  at[path.at(-1)!] = value;
  return copy;
}

/** `__typename`, and `code`/`field` of whichever error members the result can be. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isUnionType(type)) {
    const members = type
      .getTypes()
      .map((member) => `... on ${member.name} { ${["code", "message", "field"].filter((name) => name in member.getFields()).join(" ") || "__typename"} }`);
    return `{ __typename ${members.join(" ")} }`;
  }
  return isObjectType(type) || isInterfaceType(type) ? "{ __typename }" : "";
}

/** The field a refusal names: the error member's `field`, or a GraphQL error's `extensions.field` or quoted path. */
function namedFields(body: GqlResponse, mutation: string): string[] {
  const result = body.data?.[mutation as never] as { field?: string | null } | undefined;
  if (result?.field) return [result.field];
  return (body.errors ?? []).flatMap((error) => [
    String(error.extensions?.field ?? ""),
    ...[...error.message.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
  ]);
}

const sameField = (named: string, path: (string | number)[]) => {
  const steps = named
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((step) => step !== "input");
  const wanted = path.slice(1).map(String);
  return steps.join(".").endsWith(wanted.join(".")) || (path[0] !== "input" && steps.at(-1) === String(path.at(-1)));
};

describe("every mutation refuses malformed input cleanly: no internal error, the field named, nothing written", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  /** Rows of every model, in the workspace and across all (workspaces themselves included). */
  const rowCounts = async () => {
    const counts: Record<string, number> = {};
    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = model[0]!.toLowerCase() + model.slice(1);
      counts[model] = await acrossWorkspaces(() => (t.app.db.prisma as any)[delegate].count());
      counts[`${model} in workspace`] = await (t.prisma as any)[delegate].count();
    }
    return counts;
  };

  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.args.length > 0);

  it.each(mutations.map((field) => [field.name, field] as const))("%s", async (name, field) => {
    const leaves: Leaf[] = [];
    const base: Record<string, unknown> = {};
    for (const arg of field.args) base[arg.name] = placeholder(arg.type, [arg.name], leaves, 0);
    const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
    const query = `mutation(${variables}) { ${name}(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ")}) ${selectionOf(field)} }`;
    const before = await rowCounts();
    const problems: string[] = [];
    for (const leaf of leaves) {
      for (const bad of leaf.type === "enum" ? ENUM : (MALFORMED[leaf.type] ?? [])) {
        const body = await postGql(t.url, query, withValue(base, leaf.path, bad.value), ADMIN_TOKEN);
        const where = `${leaf.path.join(".")} = ${bad.label}`;
        const internal = body.status >= 500 || body.errors?.some((error) => error.extensions?.code === "INTERNAL_SERVER_ERROR");
        const result = body.data?.[name as never] as { __typename?: string } | undefined;
        const refused = !!body.errors?.length || !result?.__typename?.endsWith("Success");
        const named = namedFields(body, name);
        if (internal) problems.push(`${where}: internal error ${JSON.stringify(body.errors).slice(0, 300)}`);
        else if (!refused) problems.push(`${where}: accepted`);
        else if (named.filter(Boolean).length === 0) problems.push(`${where}: refused without naming a field: ${JSON.stringify(body).slice(0, 300)}`);
        else if (bad.edge && !named.some((one) => sameField(one, leaf.path))) problems.push(`${where}: named ${named.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
