import type { builder } from "./builder.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `t` of an input type's fields, for helpers that build the fields two inputs share. */
export type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">;

/** The account an input is about, as every input that names one by its customer number describes it. */
export const CUSTOMER_NUMBER = "The account's customer number, e.g. C-10001: 3–32 letters, digits and inner dashes, any case.";

/** The `id` input field of a write on one stored object, described once for every such input. */
export const globalIdField = (t: InputFields, what: string) => t.id({ description: `Global id of the ${what} to act on, as its \`id\` field gives it.` });
