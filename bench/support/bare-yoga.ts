// The anchor of the HTTP benchmarks: Yoga answering `{ __typename }` and nothing else, started by
// startServer() like the service so both run under the same conditions.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSchema, createYoga } from "graphql-yoga";

const yoga = createYoga({ schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }), logging: false });
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`bare yoga listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
