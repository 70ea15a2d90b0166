import { NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * CORS from the allow-list (CORS_ORIGINS): a listed Origin is answered with itself; any other
 * cross-origin request gets no CORS headers, so browsers keep its answer from the page. Credentials
 * travel as an Authorization header, never as cookies, so same-origin use (the /app shell,
 * GraphiQL) needs no entry.
 */
export function corsPolicy(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !allowed.has(origin)) return false as const;
    return { origin: [origin], methods: ["GET", "POST"], allowedHeaders: ["authorization", "content-type", "x-workspace"], credentials: false, maxAge: 600 };
  };
}

/** INTROSPECTION=off: `__schema` and `__type` are refused at validation, over HTTP and WebSocket alike (`__typename` stays). */
export function noIntrospection(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}
