import { type DocumentNode, type ExecutionResult, getOperationAST, Kind, type OperationDefinitionNode, print } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { EventBus } from "../events/bus.ts";
import type { TopicName } from "../events/topics.ts";
import type { CacheDependency, Context } from "../graphql/context.ts";
import { ticketEntersList, type TicketListShown, type TicketPlace } from "../modules/queue/index.ts";

/** Topics after which nothing cached can be trusted (catalogs, calendars, credentials). */
const EVERYTHING = ["calendarChanged", "tierCatalogChanged", "requestTypesChanged", "apiTokenRevoked"] as const;
/** Topics about one account: answers showing it go. */
const ACCOUNT = ["accountChanged", "tierSubscriptionChanged", "bookingChanged", "unitBalanceLow"] as const;
/** Topics about one ticket: answers showing it, counting tickets, or listing where it now belongs go. */
const TICKET = ["ticketChanged", "slaAlertFired"] as const;
// The compiler checks that every topic is in one of the lists.
type Covered = (typeof EVERYTHING)[number] | (typeof ACCOUNT)[number] | (typeof TICKET)[number];
export const EVERY_TOPIC_COVERED: Record<TopicName, true> = {} as Record<Covered, true>;

/** Root fields whose resolvers declare what they show (CacheDependency); any other query goes with any change. */
const DECLARING_ROOTS = new Set(["tickets", "queue", "ticketCounts", "__typename"]);
/** Mutations whose every change is published as a ticket event: they wait for it instead of dropping everything. */
const PUBLISHING_MUTATION = /^ticket[A-Z]/;

const MAX_ENTRIES = 1_000;
const MAX_LOG = 1_000;

/** What an answer shows: "all" — anything may change it. */
interface Shows {
  tickets: Set<string>;
  accounts: Set<string>;
  lists: TicketListShown[];
  counts: boolean;
}
type Depends = Shows | "all";

interface Entry {
  /** null when the execution turned out not to be reusable (errors, or a change meanwhile) */
  result: Promise<ExecutionResult | null>;
  storedAt: number;
  /** the service clock when started: answers with SLA figures depend on it */
  clockAt: number;
  depends: Depends;
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
  /** a ticket as it is now, to decide which cached lists it enters */
  ticketPlace: (ticketId: string) => Promise<TicketPlace | null>;
  /** resolves once what committed transactions enqueued is published (the outbox relay) */
  published: () => Promise<void>;
}

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : "…"));
}

function collect(shows: Shows, dependency: CacheDependency) {
  if (dependency.kind === "tickets") {
    for (const id of dependency.ticketIds) shows.tickets.add(id);
    for (const id of dependency.accountIds) shows.accounts.add(id);
  } else if (dependency.kind === "ticketList") shows.lists.push(dependency.list);
  else shows.counts = true;
}

/**
 * Reuses the result of an identical query (same document, operation, variables and viewer) for a
 * short time, and drops it when what it shows changes. Ticket lists and counts (`tickets`,
 * `queue`, `ticketCounts`) record what they showed: a ticket event drops the answers that show
 * that ticket or count tickets, and — once the ticket's new place is read — the lists it now
 * enters (its scope and filter match and it sorts before the page's last ticket); an account event
 * drops the answers showing that account; catalog, calendar and credential events drop all. Any
 * other query is dropped by every event, and every mutation other than ticket mutations drops
 * everything (they publish no event). Ticket mutations answer once their events are published and
 * applied here, so a client sees its own write at once.
 *
 * Worst-case staleness: an answer is never served after the event of a change it shows has been
 * applied here. On this instance that is before the writing mutation answers; another instance's
 * writes arrive with the bus (Redis: milliseconds). A write that publishes no event (only direct
 * database edits do) shows after the time to live, as do clock-driven changes (breached, at risk),
 * since an answer is not reused at a service clock more than the time to live from its own.
 * Identical queries arriving while one runs wait for its answer; past its time to live an answer
 * is served, for up to one more, while one request computes the next. An answer whose execution
 * overlapped a change it shows is not kept. Mutations and subscriptions are never cached.
 */
export interface ResponseCache {
  plugin: Plugin<Context>;
  close(): void;
  /** Requests being answered from an answer another request is still computing. */
  waiting(): number;
}

export function responseCache({ ttlMs, bus, now, ticketPlace, published }: ResponseCacheOptions): ResponseCache {
  const entries = new Map<string, Entry>();
  let waiting = 0;
  /** executions of queries that declare what they show, running now */
  let computing = 0;
  const printed = new WeakMap<DocumentNode, string>();
  /** applied changes, newest last: an execution that overlapped one that hits it is not kept */
  const log: { seq: number; hits: (shows: Shows) => boolean }[] = [];
  let seq = 0;
  /** ticket events whose new place is still being read: lists are not served meanwhile */
  const placing = new Set<Promise<void>>();

  const invalidate = (hits: (shows: Shows) => boolean) => {
    log.push({ seq: ++seq, hits });
    if (log.length > MAX_LOG) log.shift();
    for (const [key, entry] of entries) if (entry.depends === "all" || hits(entry.depends)) entries.delete(key);
  };
  const changedSince = (startedIn: number, depends: Depends) => {
    if (seq === startedIn) return false;
    if (depends === "all" || log[0]!.seq > startedIn + 1) return true;
    return log.some((change) => change.seq > startedIn && change.hits(depends));
  };

  const onTicket = ({ ticketId }: { ticketId: string }) => {
    invalidate((shows) => shows.counts || shows.tickets.has(ticketId));
    if (!listsAtStake()) return;
    const placed: Promise<void> = ticketPlace(ticketId)
      .then((place) => invalidate((shows) => place !== null && shows.lists.some((list) => ticketEntersList(list, place, now().getTime()))))
      .catch(() => invalidate((shows) => shows.lists.length > 0))
      .finally(() => placing.delete(placed));
    placing.add(placed);
  };
  const loops = [
    ...EVERYTHING.map((topic) => [bus.subscribe(topic), () => invalidate(() => true)] as const),
    ...ACCOUNT.map((topic) => [bus.subscribe(topic), ({ accountId }: { accountId: string }) => invalidate((shows) => shows.accounts.has(accountId))] as const),
    ...TICKET.map((topic) => [bus.subscribe(topic), onTicket] as const),
  ];
  for (const [loop, apply] of loops) {
    void (async () => {
      for await (const event of loop) (apply as (event: unknown) => void)(event);
    })();
  }
  /** this instance's ticket events are published and applied (a Redis round trip is not awaited) */
  const settled = async () => {
    await published();
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(placing);
  };

  /**
   * Whether a ticket's new place can matter: a kept answer lists tickets, or a list is being
   * computed (it may have read the ticket's old place). Answers past twice the time to live are
   * never served again and go here; without lists at stake a change reads no place.
   */
  const listsAtStake = () => {
    if (computing > 0) return true;
    let listed = false;
    for (const [key, entry] of entries) {
      if (age(entry) >= 2 * ttlMs) entries.delete(key);
      else listed ||= entry.depends !== "all" && entry.depends.lists.length > 0;
    }
    return listed;
  };

  const textOf = (document: DocumentNode) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
  const age = (entry: Entry) => Math.max(performance.now() - entry.storedAt, Math.abs(now().getTime() - entry.clockAt));
  const listsPending = (depends: Depends) => placing.size > 0 && depends !== "all" && depends.lists.length > 0;
  const serve = (entry: Entry, setResult: (result: ExecutionResult) => void) => {
    waiting++;
    return entry.result
      .then((result) => {
        if (result) setResult(result);
      })
      .finally(() => waiting--);
  };

  const plugin: Plugin<Context> = {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === "mutation") {
        if (ttlMs <= 0) return;
        if (rootFields(operation).every((name) => PUBLISHING_MUTATION.test(name))) {
          setExecuteFn(async (executionArgs) => {
            const result = await executeFn(executionArgs);
            await settled();
            return result;
          });
          return;
        }
        invalidate(() => true);
        return { onExecuteDone: () => invalidate(() => true) };
      }
      if (operation?.operation !== "query" || ttlMs <= 0) return;
      const key = JSON.stringify([args.contextValue.viewer, args.operationName ?? null, args.variableValues ?? null, textOf(args.document)]);
      const entry = entries.get(key);
      const entryAge = entry && !listsPending(entry.depends) ? age(entry) : Infinity;
      if (entry && (entryAge < ttlMs || (entryAge < 2 * ttlMs && entry.refreshing))) return serve(entry, setResultAndStopExecution);
      const refreshing = entry && entryAge < 2 * ttlMs ? entry : null;
      if (refreshing) refreshing.refreshing = true;
      const startedIn = seq;
      const shows: Shows | null = rootFields(operation).every((name) => DECLARING_ROOTS.has(name))
        ? { tickets: new Set(), accounts: new Set(), lists: [], counts: false }
        : null;
      if (shows) args.contextValue.cacheDependsOn = (dependency) => collect(shows, dependency);
      let settle!: (result: ExecutionResult | null) => void;
      const mine: Entry = {
        result: new Promise((resolve) => (settle = resolve)),
        storedAt: performance.now(),
        clockAt: now().getTime(),
        depends: shows ?? "all",
      };
      // a refresh joins the map once done; until then the stale answer is what others get
      if (!refreshing) store(key, mine);
      setExecuteFn(async (executionArgs) => {
        let result: Awaited<ReturnType<typeof executeFn>> | null = null;
        if (shows) computing++;
        try {
          return (result = await executeFn(executionArgs));
        } finally {
          if (shows) computing--;
          const usable = result !== null && !(Symbol.asyncIterator in result) && !result.errors?.length;
          const keep = usable && !changedSince(startedIn, mine.depends) && !listsPending(mine.depends);
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
  return { plugin, close: () => loops.forEach(([loop]) => void loop.return?.()), waiting: () => waiting };
}
