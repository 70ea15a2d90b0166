import { type ExecutionArgs, GraphQLError, getOperationAST, Kind } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { YogaServerInstance } from "graphql-yoga";
import type { WebSocket, WebSocketServer } from "ws";
import type { Viewer } from "../auth/viewer.ts";
import type { Services } from "../modules/registry.ts";
import type { Context, ServerContext } from "../graphql/context.ts";
import { authenticateRequest } from "./http-auth.ts";
import { sharedSubscriptions } from "./shared-subscriptions.ts";
import { limitExceeded } from "./limits/operation-limits.ts";
import type { LiveSubscriptions } from "./live-subscriptions.ts";
import type { RateLimit } from "./limits/rate-limit.ts";
import type { TokenWithdrawal } from "../events/topics.ts";
import { inRequest, newRequestId } from "../logger.ts";
import { iterateWithin } from "../events/iterate-within.ts";

const MAX_SOCKET_BUFFER = 4 * 1024 * 1024;
const CLOSED_BECAUSE: Record<TokenWithdrawal, string> = {
  REVOKED: "Token revoked",
  PARTNER_DEACTIVATED: "Partner deactivated",
  ACCOUNT_CLOSED: "Account closed",
};
/** Subscriptions whose first result is a snapshot each subscriber gets for itself. */
const SNAPSHOT_FIELDS = new Set(["queueChanged"]);

function rootField(args: ExecutionArgs) {
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  return field?.kind === Kind.FIELD ? field : undefined;
}

/** A resuming subscriber replays its own past first, so it is not shared with live ones. */
const RESUME_ARGS = new Set(["after", "since"]);
const resumes = (args: ExecutionArgs) => rootField(args)?.arguments?.some((a) => RESUME_ARGS.has(a.name.value)) ?? false;

type Envelope = Pick<ReturnType<YogaServerInstance<ServerContext, Context>["getEnveloped"]>, "execute" | "subscribe">;

/** graphql-ws on the same path, through Yoga's envelop pipeline so HTTP and WebSocket share plugins. */
export function attachWebSocket(
  wss: WebSocketServer,
  yoga: YogaServerInstance<ServerContext, Context>,
  services: Services,
  options: { share: boolean; subscriptionsPerSocket: number; pingMs?: number; live: LiveSubscriptions; rates: RateLimit },
) {
  const viewers = new WeakMap<object, Viewer>();
  // An operation's request id (its socket's id / the operation's id), by its context.
  const requestIds = new WeakMap<object, string>();
  const socketIds = new WeakMap<object, string>();
  const requestIdOf = (args: ExecutionArgs) => requestIds.get(args.contextValue as object) ?? newRequestId();
  const asRequest = <T>(args: ExecutionArgs, work: () => T) => inRequest(requestIdOf(args), work);
  // Sockets by the API token they authenticated with: a revocation, its partner's deactivation or its account's closing (here or on any instance) closes them.
  const byToken = new Map<string, Set<WebSocket>>();
  const stopListening = services.tokens.onRevoked((tokenId, reason) => {
    for (const socket of byToken.get(tokenId) ?? []) socket.close(4403, CLOSED_BECAUSE[reason]);
    byToken.delete(tokenId);
  });
  const remember = (tokenId: string, socket: WebSocket) => {
    const sockets = byToken.get(tokenId) ?? new Set();
    byToken.set(tokenId, sockets.add(socket));
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && byToken.get(tokenId) === sockets) byToken.delete(tokenId);
    });
  };
  const own = (args: ExecutionArgs) => (args.rootValue as Envelope).subscribe(args) as never;
  const shared = options.share ? sharedSubscriptions(own) : own;
  const disposable = useServer<Record<string, unknown>>(
    {
      connectionInitWaitTimeout: 10_000, // then graphql-ws closes with 4408
      execute: (args) => asRequest(args, () => (args.rootValue as Envelope).execute(args)),
      subscribe: (args) =>
        asRequest(args, async () => {
          const field = rootField(args)?.name.value ?? "";
          const source = await (resumes(args) ? own(args) : shared(args, (args.contextValue as Context).viewer, SNAPSHOT_FIELDS.has(field)));
          if (!(Symbol.asyncIterator in source)) return source;
          // each event is executed as part of the operation: what it reads and logs is the operation's
          const id = requestIdOf(args);
          return iterateWithin((work) => inRequest(id, work), options.live.track(field, source));
        }),
      onNext: (ctx) => {
        // Bounded memory per socket: a client that does not read is cut off, not buffered for.
        if (ctx.extra.socket.bufferedAmount > MAX_SOCKET_BUFFER) ctx.extra.socket.close(1008, "Slow consumer");
      },
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        const authorization = ctx.connectionParams?.authorization;
        if (authorization === undefined || authorization === null || authorization === "") {
          socket.close(4401, 'Unauthorized: send { authorization: "Bearer <token>" } in connection_init');
          return false;
        }
        try {
          const viewer = await authenticateRequest(services, authorization, ctx.connectionParams?.workspace);
          if (socket.readyState !== socket.OPEN) return false;
          viewers.set(socket, viewer);
          socketIds.set(socket, newRequestId());
          if (viewer.tokenId) remember(viewer.tokenId, socket);
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws has already entered this one among the socket's live operations (counted before any await: the others arrive meanwhile)
        const live = Object.keys(ctx.subscriptions).length;
        if (live > options.subscriptionsPerSocket)
          return [limitExceeded("MAX_SUBSCRIPTIONS", "Live subscriptions on this socket", options.subscriptionsPerSocket, live)];
        // every operation on a socket is a request of its credential, counted with its HTTP ones
        const refusal = await options.rates.check(String(ctx.connectionParams?.authorization), ctx.extra.request.socket.remoteAddress);
        if (refusal) return [new GraphQLError(refusal.message, { extensions: refusal.extensions })];
        const viewer = viewers.get(ctx.extra.socket);
        const enveloped = yoga.getEnveloped({ ...ctx, req: ctx.extra.request, socket: ctx.extra.socket, params: payload, viewer } as never);
        let document: ExecutionArgs["document"];
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const contextValue = await enveloped.contextFactory();
        requestIds.set(contextValue, `${socketIds.get(ctx.extra.socket)}/${id}`);
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          operationName: payload.operationName ?? null,
          document,
          variableValues: payload.variables ?? null,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wss,
    options.pingMs ?? 12_000, // protocol pings; a socket that does not answer one within as long is terminated
  );
  return {
    async dispose() {
      stopListening();
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await disposable.dispose();
    },
  };
}
