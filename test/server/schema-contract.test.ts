import { readFileSync } from "node:fs";
import { type GraphQLField, type GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/server/schema.ts";

const publicTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));

/** Every place a client reads a description in GraphiQL: types, fields, arguments, enum values, input fields. */
function undescribed(): string[] {
  const missing: string[] = [];
  const need = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of publicTypes) {
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

describe("the schema explains itself", () => {
  // The schema predates this rule: UNDESCRIBED lists what still lacks a description. Anything new
  // must come described, and the list only shrinks (describing an element means deleting its line).
  it("describes every public type, field, argument, enum value and input field (except the shrinking backlog)", () => {
    const backlog = readFileSync(new URL("./undescribed-schema-elements.txt", import.meta.url), "utf8").split("\n").filter(Boolean);
    const missing = undescribed();
    expect(missing.filter((path) => !backlog.includes(path)), "new schema elements need a description").toEqual([]);
    expect(backlog.filter((path) => !missing.includes(path)), "described now: delete these lines from undescribed-schema-elements.txt").toEqual([]);
  });

  it("describes every root field (Query, Mutation, Subscription) and its arguments", () => {
    expect(undescribed().filter((path) => /^(Query|Mutation|Subscription)\./.test(path))).toEqual([]);
  });

  it("gives a field the same type in every member of a union, so one selection covers them all", () => {
    const clashes: string[] = [];
    // result unions (`<Op>Result`, errors): a client selects a field on several members at once
    const abstract = publicTypes.filter((type): type is GraphQLNamedType & { name: string } => isUnionType(type));
    for (const type of abstract) {
      const members = schema.getPossibleTypes(type as never);
      const seen = new Map<string, string>();
      for (const member of members) {
        for (const field of Object.values(member.getFields())) {
          const shape = String(field.type);
          const first = seen.get(field.name);
          if (first === undefined) seen.set(field.name, `${shape}@${member.name}`);
          else if (first.split("@")[0] !== shape) clashes.push(`${type.name}: ${field.name} is ${first.replace("@", " on ")} but ${shape} on ${member.name}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
