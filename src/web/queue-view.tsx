import { useEffect, useState } from "preact/hooks";
import { clockTime } from "./format.ts";
import { useLink, useNow } from "./hooks.ts";
import type { Live } from "./live.ts";
import { ALL_OPEN, QueueSourcePicker, type QueueSource } from "./queue-source.tsx";
import { applyChange, fromSnapshot, QUEUE_TICKET_FIELDS, type QueueChange, type QueueState } from "./queue-state.ts";
import type { Session } from "./session.ts";
import { QueueTable } from "./queue-table.tsx";

const WINDOW = 200; // the largest snapshot the server sends
const QUEUE_CHANGED = `subscription($queueId: ID, $filter: TicketFilterInput, $first: Int, $after: String) {
  queueChanged(queueId: $queueId, filter: $filter, first: $first, after: $after) {
    kind sequence cursor position counts { total breached atRisk unassigned }
    ticket { ${QUEUE_TICKET_FIELDS} } tickets { ${QUEUE_TICKET_FIELDS} }
  }
}`;

let measured = 0;
/**
 * User Timing of one update, from its arrival to the task after the frame that shows it (called
 * from that frame's callback); read with a PerformanceObserver.
 */
function measureUpdate(received: number) {
  setTimeout(() => {
    performance.measure("queue-update", { start: received, end: performance.now() });
    if (++measured % 1000 === 0) performance.clearMeasures("queue-update");
  }, 0);
}

type Errors = readonly { message: string; extensions?: { code?: string; field?: string } }[] | undefined;
/** The server cannot resume from the cursor (older than it keeps events, CURSOR_EXPIRED, or refused). */
const cursorRefused = (errors: Errors) => errors?.some((error) => error.extensions?.field === "after") ?? false;

function describe(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message ?? String(e)).join("; ");
  if (error instanceof CloseEvent) return `connection closed (${error.code}${error.reason ? `: ${error.reason}` : ""})`;
  return error instanceof Error ? error.message : String(error);
}

/** The live queue: counts, then the tickets in queue order, each clock counting down. */
export function QueueView({ session, live }: { session: Session; live: Live }) {
  const [source, setSource] = useState<QueueSource>(ALL_OPEN);
  const [queue, setQueue] = useState<QueueState | null>(null);
  const [asOf, setAsOf] = useState<number | null>(null);
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = useLink(live);
  const now = useNow();

  useEffect(() => {
    if (link.state !== "live") setFresh(false);
  }, [link.state]);

  useEffect(() => {
    setQueue(null);
    setFresh(false);
    setError(null);
    let state: QueueState | null = null;
    // Changes are applied once per animation frame, however many arrived since the last one
    // (a hidden tab gets no frames: there, four times a second).
    let pending: { change: QueueChange; received: number }[] = [];
    let cancel: (() => void) | null = null;
    const schedule = () => {
      if (document.hidden) {
        const timer = setTimeout(flush, 250);
        cancel = () => clearTimeout(timer);
      } else {
        const frame = requestAnimationFrame(flush);
        cancel = () => cancelAnimationFrame(frame);
      }
    };
    const flush = () => {
      cancel = null;
      for (const { change } of pending) {
        if (change.kind === "SNAPSHOT") state = fromSnapshot(change, WINDOW);
        else if (state) state = applyChange(state, change);
      }
      for (const { change, received } of pending) if (change.kind !== "SNAPSHOT" && change.kind !== "RESUMED") measureUpdate(received);
      if (pending.some(({ change }) => change.kind === "SNAPSHOT" || change.kind === "RESUMED")) setFresh(true);
      pending = [];
      setQueue(state);
      setAsOf(Date.now());
    };
    // graphql-ws sends this very object again when it re-subscribes after a drop, so `after` (the
    // last change received) makes the server replay what was missed instead of a new snapshot.
    const variables: { after?: string } & Record<string, unknown> = {
      ...("queueId" in source ? { queueId: source.queueId } : { filter: source.filter }),
      first: WINDOW,
    };
    let unsubscribe = () => {};
    const open = () => {
      unsubscribe = live.client.subscribe<{ queueChanged: QueueChange }>(
        { query: QUEUE_CHANGED, variables },
        {
          next: (result) => {
            const change = result.data?.queueChanged;
            if (!change && variables.after && cursorRefused(result.errors as Errors)) {
              delete variables.after; // away for longer than the server keeps events: start over from a snapshot
              unsubscribe();
              return open();
            }
            if (!change) return setError(describe(result.errors));
            variables.after = change.cursor;
            pending.push({ change, received: performance.now() });
            if (!cancel) schedule();
          },
          error: (failure) => setError(describe(failure)),
          complete: () => {},
        },
      );
    };
    open();
    return () => {
      cancel?.();
      unsubscribe();
    };
  }, [live, source]);

  const isLive = link.state === "live" && fresh;
  const shown = isLive ? "live" : link.state === "live" ? "loading" : link.state;
  return (
    <section class="queue" aria-labelledby="queue-title">
      <header class="queue-head">
        <h2 id="queue-title">{source.label}</h2>
        <QueueSourcePicker session={session} source={source} onChange={setSource} />
      </header>
      <p class={`link link-${shown}`} role="status" data-link={shown}>
        {isLive
          ? "● Live"
          : link.state === "refused"
            ? "✕ The server refused this token. Sign in again."
            : link.state === "reconnecting"
              ? `⟳ Connection lost — reconnecting…${link.retries > 1 ? ` (attempt ${link.retries})` : ""} ${asOf ? `Showing the queue as of ${clockTime(asOf)}: not live.` : ""}`
              : shown === "loading"
                ? queue
                  ? "… Reconnected, catching up on what changed meanwhile"
                  : "… Loading the queue"
                : "… Connecting"}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {queue && (
        <>
          <dl class="counts" aria-label="Queue counts">
            <div>
              <dt>Total</dt>
              <dd data-count="total">{queue.counts.total}</dd>
            </div>
            <div class="count-breached">
              <dt>✖ Breached</dt>
              <dd data-count="breached">{queue.counts.breached}</dd>
            </div>
            <div class="count-at-risk">
              <dt>⚠ At risk</dt>
              <dd data-count="atRisk">{queue.counts.atRisk}</dd>
            </div>
            <div>
              <dt>Unassigned</dt>
              <dd data-count="unassigned">{queue.counts.unassigned}</dd>
            </div>
            {queue.counts.total > queue.rows.length && <p class="window">showing the first {queue.rows.length}</p>}
          </dl>
          <QueueTable rows={queue.rows} now={now} live={isLive} />
          {queue.rows.length === 0 && <p class="empty">No tickets in this queue.</p>}
        </>
      )}
    </section>
  );
}
