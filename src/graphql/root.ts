import { builder } from "./builder.ts";

builder.queryType({ description: "Entitlements, business calendars and SLA clocks of supportclock." });
builder.mutationType({
  description:
    "Every write: each takes one `input` and answers a `<Op>Result` union of its success type and the typed errors it can meet (select `__typename`).",
});
builder.subscriptionType({
  description: "Live events over WebSocket (graphql-transport-ws, same path and token as HTTP), re-checked against the subscriber's rights at every delivery.",
});
