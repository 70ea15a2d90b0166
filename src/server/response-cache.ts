import { type DocumentNode, type ExecutionResult, getOperationAST, print } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { EventBus } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import type { Context } from "../graphql/context.ts";

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
  /** past its time to live, and one request is already computing its successor */
  refreshing?: boolean;
}

/**
 * Yoga serializes a result with its own `stringify` when it has one: a cached answer is served many
 * times, so it is turned into JSON once, not per request (cached answers carry no errors, which is
 * the only part Yoga rewrites before serializing).
 */
function serializedOnce(result: ExecutionResult): ExecutionResult {
  let text: string | undefined;
  Object.defineProperty(result, "stringify", { value: (value: unknown) => (text ??= JSON.stringify(value)) });
  return result;
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
 * wait for its answer rather than run again (they asked before any later change). Past its time
 * to live an answer is still served, for up to one more, while one request computes the next, so
 * a busy query never stalls on its own refresh. Mutations and subscriptions are never cached.
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
  const age = (entry: Entry) => Math.max(performance.now() - entry.storedAt, Math.abs(now().getTime() - entry.clockAt));
  const serve = (entry: Entry, setResult: (result: ExecutionResult) => void) =>
    entry.result.then((result) => {
      if (result) setResult(result);
    });

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
      const entryAge = entry ? age(entry) : Infinity;
      if (entry && (entryAge < ttlMs || (entryAge < 2 * ttlMs && entry.refreshing))) return serve(entry, setResultAndStopExecution);
      const refreshing = entry && entryAge < 2 * ttlMs ? entry : null;
      if (refreshing) refreshing.refreshing = true;
      const startedIn = generation;
      let settle!: (result: ExecutionResult | null) => void;
      const mine: Entry = { result: new Promise((resolve) => (settle = resolve)), storedAt: performance.now(), clockAt: now().getTime() };
      // a refresh joins the map once done; until then the stale answer is what others get
      if (!refreshing) store(key, mine);
      setExecuteFn(async (executionArgs) => {
        let result: Awaited<ReturnType<typeof executeFn>> | null = null;
        try {
          return (result = await executeFn(executionArgs));
        } finally {
          const usable = result !== null && !(Symbol.asyncIterator in result) && !result.errors?.length;
          const keep = usable && generation === startedIn;
          if (keep && refreshing) store(key, mine);
          if (!keep && entries.get(key) === mine) entries.delete(key);
          if (refreshing) refreshing.refreshing = false;
          settle(usable ? serializedOnce(result as ExecutionResult) : null);
        }
      });
    },
  };
  function store(key: string, entry: Entry) {
    if (!entries.has(key) && entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
  }
  return { plugin, close: () => loops.forEach((loop) => void loop.return?.()) };
}
