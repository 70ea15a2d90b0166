import { type DocumentNode, type ExecutionResult, getOperationAST, print } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { EventBus } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import type { Context } from "./context.ts";

/** Every topic (the compiler checks the list is whole): any published change may alter some cached answer. */
const TOPICS = Object.keys({
  accountChanged: true,
  calendarChanged: true,
  tierCatalogChanged: true,
  apiTokenRevoked: true,
  tierSubscriptionChanged: true,
  ticketChanged: true,
  slaAlertFired: true,
  bookingChanged: true,
  unitBalanceLow: true,
  requestTypesChanged: true,
} satisfies Record<TopicName, true>) as TopicName[];

const MAX_ENTRIES = 1_000;

interface Entry {
  /** null when the execution turned out not to be reusable (errors, or a change meanwhile) */
  result: Promise<ExecutionResult | null>;
  storedAt: number;
  /** the service clock when started: answers with SLA figures depend on it */
  clockAt: number;
}

export interface ResponseCacheOptions {
  /** how long an answer may be served again; 0 turns the cache off */
  ttlMs: number;
  bus: EventBus;
  /** the service clock (tests move it: an answer of another instant is not reused) */
  now: () => Date;
}

/**
 * Reuses the result of an identical query (same document, operation, variables and viewer) for a
 * short time. Every mutation executed here and every bus event (published by any instance) drops
 * all entries; a query that ran while the cache was dropped is not stored, so no answer older
 * than a change is served after that change is known. Identical queries arriving while one runs
 * wait for its answer rather than run again. Mutations and subscriptions are never cached.
 */
export function responseCache({ ttlMs, bus, now }: ResponseCacheOptions): { plugin: Plugin<Context>; close: () => void } {
  const entries = new Map<string, Entry>();
  const printed = new WeakMap<DocumentNode, string>();
  let generation = 0;
  const drop = () => {
    generation++;
    entries.clear();
  };
  const loops = TOPICS.map((topic) => bus.subscribe(topic));
  for (const loop of loops) {
    void (async () => {
      for await (const _event of loop) drop();
    })();
  }
  const textOf = (document: DocumentNode) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
  const fresh = (entry: Entry) => performance.now() - entry.storedAt < ttlMs && Math.abs(now().getTime() - entry.clockAt) < ttlMs;

  const plugin: Plugin<Context> = {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === "mutation") {
        drop();
        return { onExecuteDone: drop };
      }
      if (operation !== "query" || ttlMs <= 0) return;
      const key = JSON.stringify([args.contextValue.viewer, args.operationName ?? null, args.variableValues ?? null, textOf(args.document)]);
      const entry = entries.get(key);
      if (entry && fresh(entry)) {
        return entry.result.then((result) => {
          if (result) setResultAndStopExecution(result);
        });
      }
      const startedIn = generation;
      let settle!: (result: ExecutionResult | null) => void;
      const mine: Entry = { result: new Promise((resolve) => (settle = resolve)), storedAt: performance.now(), clockAt: now().getTime() };
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, mine);
      setExecuteFn(async (executionArgs) => {
        let result: Awaited<ReturnType<typeof executeFn>> | null = null;
        try {
          return (result = await executeFn(executionArgs));
        } finally {
          const reusable = result !== null && generation === startedIn && !(Symbol.asyncIterator in result) && !result.errors?.length;
          if (!reusable && entries.get(key) === mine) entries.delete(key);
          settle(reusable ? (result as ExecutionResult) : null);
        }
      });
    },
  };
  return { plugin, close: () => loops.forEach((loop) => void loop.return?.()) };
}
