import type { builder } from "./builder.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `t` of an input type's fields, for helpers that build the fields two inputs share. */
export type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">;
