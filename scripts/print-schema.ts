// Writes the printed SDL to schema.graphql (checked in; test/server/schema.test.ts fails when stale).
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../src/server/schema.ts";

writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
console.log("schema.graphql written");
