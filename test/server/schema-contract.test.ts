import { type GraphQLField, type GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/server/schema.ts";

const publicTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));

interface Described {
  path: string;
  name: string;
  description: string | null | undefined;
}

/** Every place a client reads a description in GraphiQL: types, fields, arguments, enum values, input fields. */
function describedElements(): Described[] {
  const all: Described[] = [];
  for (const type of publicTypes) {
    all.push({ path: type.name, name: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        all.push({ path: `${type.name}.${field.name}`, name: field.name, description: field.description });
        for (const arg of field.args) all.push({ path: `${type.name}.${field.name}(${arg.name})`, name: arg.name, description: arg.description });
      }
    }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) all.push({ path: `${type.name}.${field.name}`, name: field.name, description: field.description });
    if (isEnumType(type))
      for (const value of type.getValues()) all.push({ path: `${type.name}.${value.name}`, name: value.name, description: value.description });
  }
  return all;
}

const words = (text: string) =>
  text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const FILLER = new Set(["a", "an", "the", "its", "it", "of", "this", "is", "was", "when", "to", "for"]);
/** "The name.", "Created at." : nothing but the element's own name in other words. */
const restatesName = ({ name, description }: Described) => {
  const own = new Set(words(name));
  return words(description ?? "").every((word) => FILLER.has(word) || own.has(word) || own.has(word.replace(/s$/, "")));
};

describe("the schema explains itself", () => {
  it("describes every public type, field, argument, enum value and input field", () => {
    const undescribed = describedElements().filter((element) => !element.description?.trim());
    expect(
      undescribed.map((element) => element.path),
      "each needs a description saying its unit, default and rule",
    ).toEqual([]);
  });

  it("says more in each description than the element's own name", () => {
    const restated = describedElements().filter((element) => element.description?.trim() && restatesName(element));
    expect(restated.map((element) => `${element.path}: ${element.description}`)).toEqual([]);
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
