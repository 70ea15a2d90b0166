import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./errors.ts";
import "./root.ts";
import "./partner.ts";
import "./account.ts";
import "./account-changed.ts";
import "./api-token.ts";
import "./calendar.ts";
import "./viewer.ts";
import "./unit-package.ts";
import "./unit-ledger.ts";
import "./unit-ledger-write.ts";

export const schema = lexicographicSortSchema(builder.toSchema());
