import { getOperationAST, parse } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

/**
 * Subscriptions are served over WebSocket only (graphql-transport-ws on /graphql), where the
 * socket limits, authentication timeout and shared execution apply. Over HTTP Yoga would answer
 * with server-sent events outside all of those, so a subscription sent by POST or GET is refused
 * with 400 before it runs. A document that does not parse is left to Yoga's own error.
 */
export function noHttpSubscriptions(): Plugin {
  return {
    onParams({ params }) {
      if (!params.query || !/\bsubscription\b/.test(params.query)) return;
      let operation: ReturnType<typeof getOperationAST>;
      try {
        operation = getOperationAST(parse(params.query), params.operationName);
      } catch {
        return;
      }
      if (operation?.operation !== "subscription") return;
      throw createGraphQLError(
        "Subscriptions are served over WebSocket only: connect with graphql-transport-ws to /graphql (HTTP and server-sent events are not offered)",
        {
          extensions: { code: "SUBSCRIPTION_OVER_HTTP", http: { status: 400 } },
        },
      );
    },
  };
}
