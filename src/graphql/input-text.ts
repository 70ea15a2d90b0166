import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { ValidationError } from "../domain/errors.ts";

/** Characters one text input value may have; each field's own rule (e.g. a subject's 200) is the domain's and is tighter. */
export const MAX_TEXT_LENGTH = 100_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as it is: a NUL (PostgreSQL refuses it), half a UTF-16 surrogate pair (not Unicode) or sheer length. */
export function textProblem(text: string): string | null {
  if (text.length > MAX_TEXT_LENGTH) return `is longer than ${MAX_TEXT_LENGTH} characters (${text.length})`;
  if (text.includes("\0")) return "contains a NUL character";
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode (an unpaired surrogate)";
  return null;
}

/** The first text in an argument value that cannot be stored, with its path (`input.` left off, as input errors name fields). */
function badText(value: unknown, path: string): ValidationError | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? new ValidationError(path, `${path} ${problem}`) : null;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = badText(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

function checkArgs(args: object) {
  for (const [name, value] of Object.entries(args)) {
    const found = badText(value, name === "input" ? "" : name);
    if (found) throw found;
  }
}

/**
 * One sanitiser at the edge for every text argument: before a field with arguments resolves (or
 * subscribes), each string in them must be storable text, else it is a ValidationError naming the
 * field — a member of a mutation's result union, an error with `field` elsewhere. Scalars still
 * check their own syntax; this plugin sits after the errors plugin so the union catches it.
 */
export class InputTextPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types["Context"], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent: unknown, args: object, context: Types["Context"], info: Parameters<typeof resolver>[3]) => {
      checkArgs(args);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(subscribe: GraphQLFieldResolver<unknown, Types["Context"], object> | undefined, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent: unknown, args: object, context: Types["Context"], info: Parameters<typeof subscribe>[3]) => {
      checkArgs(args);
      return subscribe(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      inputText: InputTextPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("inputText", InputTextPlugin);
export default "inputText" as const;
