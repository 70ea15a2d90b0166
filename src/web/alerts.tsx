import { useEffect, useRef, useState } from "preact/hooks";
import { clockTime, humanize } from "./format.ts";
import { request } from "./graphql.ts";
import type { Live } from "./live.ts";
import type { Session } from "./session.ts";

interface SlaAlert {
  alertId: string;
  sequence: number;
  cursor: string;
  kind: "WARNING" | "BREACHED";
  threshold: number;
  alertAt: string;
  late: boolean;
  target: string;
  ticketId: string;
}
interface Shown extends SlaAlert {
  ticket?: { number: number; subject: string };
}

const SLA_ALERTS = `subscription($after: String) { slaAlerts(after: $after) { alertId sequence cursor kind threshold alertAt late target ticketId } }`;
const FEED_LENGTH = 50;
const NOTICE_MS = 10_000;

function text(alert: Shown): string {
  const ticket = alert.ticket ? `#${alert.ticket.number} ${alert.ticket.subject}` : "A ticket";
  const target = humanize(alert.target).toLowerCase();
  return alert.kind === "BREACHED" ? `${ticket}: ${target} breached` : `${ticket}: ${Math.round(alert.threshold * 100)} % of the ${target} budget used`;
}

/** slaAlerts as a feed and as notices that close by themselves; an alert is shown once, also across reconnects. */
export function AlertCenter({ session, live }: { session: Session; live: Live }) {
  const [feed, setFeed] = useState<Shown[]>([]);
  const [notices, setNotices] = useState<Shown[]>([]);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const update = (id: string, change: Partial<Shown>) => {
      const patch = (list: Shown[]) => list.map((a) => (a.alertId === id ? { ...a, ...change } : a));
      setFeed(patch);
      setNotices(patch);
    };
    // Sent again on every re-subscription after a drop: the alerts fired meanwhile are replayed.
    const variables: { after?: string } = {};
    let unsubscribe = () => {};
    const open = () => {
      unsubscribe = live.client.subscribe<{ slaAlerts: SlaAlert }>(
        { query: SLA_ALERTS, variables },
        {
          next: ({ data, errors }) => {
            const oldest = errors?.find((error) => error.extensions?.code === "CURSOR_EXPIRED")?.extensions?.oldestCursor;
            if (typeof oldest === "string") {
              variables.after = oldest; // away too long: what is still kept, then live
              unsubscribe();
              return open();
            }
            const alert = data?.slaAlerts;
            if (alert) variables.after = alert.cursor;
            if (!alert || seen.current.has(alert.alertId)) return;
            seen.current.add(alert.alertId);
            setFeed((list) => [alert, ...list].slice(0, FEED_LENGTH));
            setNotices((list) => [...list, alert]);
            setTimeout(() => setNotices((list) => list.filter((a) => a.alertId !== alert.alertId)), NOTICE_MS);
            request<{ ticket: Shown["ticket"] | null }>(session, "query($id: ID!) { ticket(id: $id) { number subject } }", { id: alert.ticketId })
              .then(({ ticket }) => ticket && update(alert.alertId, { ticket }))
              .catch(() => {});
          },
          error: () => {},
          complete: () => {},
        },
      );
    };
    open();
    return () => unsubscribe();
  }, [live, session]);

  return (
    <>
      <aside class="feed" aria-labelledby="feed-title">
        <h2 id="feed-title">SLA alerts</h2>
        {feed.length === 0 ? (
          <p class="empty">None since you signed in.</p>
        ) : (
          <ol>
            {feed.map((alert) => (
              <li key={alert.alertId} class={`alert-${alert.kind.toLowerCase()}`} data-alert={alert.kind}>
                <span aria-hidden="true">{alert.kind === "BREACHED" ? "✖" : "⚠"}</span> <strong>{alert.kind === "BREACHED" ? "Breach" : "Warning"}</strong>{" "}
                {text(alert)}{" "}
                <small>
                  {clockTime(alert.alertAt)}
                  {alert.late ? " (late)" : ""}
                </small>
              </li>
            ))}
          </ol>
        )}
      </aside>
      <div class="notices" role="status" aria-live="polite">
        {notices.map((alert) => (
          <div key={alert.alertId} class={`notice notice-${alert.kind.toLowerCase()}`} data-notice={alert.kind}>
            <span aria-hidden="true">{alert.kind === "BREACHED" ? "✖" : "⚠"}</span>{" "}
            <strong>{alert.kind === "BREACHED" ? "SLA breached" : "SLA warning"}</strong> {text(alert)}
            <button type="button" aria-label="Dismiss" onClick={() => setNotices((list) => list.filter((a) => a.alertId !== alert.alertId))}>
              ×
            </button>
          </div>
        ))}
      </div>
    </>
  );
}
