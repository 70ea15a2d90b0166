import { builder } from "./builder.ts";

builder.queryType({ description: "Entitlements, business calendars and SLA clocks of supportclock." });
builder.mutationType({});
builder.subscriptionType({});
