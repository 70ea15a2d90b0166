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
import "./tier.ts";
import "./request-type.ts";
import "./tier-subscription.ts";
import "./support-pin.ts";
import "./entitlement.ts";
import "./viewer.ts";

export const schema = lexicographicSortSchema(builder.toSchema());
