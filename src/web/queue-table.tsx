import { useEffect, useRef, useState } from "preact/hooks";
import { ROW_HEIGHT, QueueRow } from "./queue-row.tsx";
import type { QueueTicket } from "./queue-state.ts";

const COLUMNS = ["#", "Subject", "Customer", "Priority · tier", "Status", "Assignee", "SLA"];
const OVERSCAN = 8;

/** Which rows the window shows, from where the table's body sits in the viewport. */
function visibleRange(body: HTMLElement): { start: number; end: number } {
  const start = Math.max(0, Math.floor(-body.getBoundingClientRect().top / ROW_HEIGHT) - OVERSCAN);
  return { start, end: start + Math.ceil(window.innerHeight / ROW_HEIGHT) + 2 * OVERSCAN };
}

/**
 * The tickets in queue order. Only the rows in view (and a few around them) are in the DOM, each
 * placed at its index, so an update costs the same for 20 tickets as for 1,000.
 */
export function QueueTable({ rows, now, live }: { rows: QueueTicket[]; now: number; live: boolean }) {
  const body = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 4 * OVERSCAN });
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (!body.current) return;
      const next = visibleRange(body.current);
      setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
    };
    const onChange = () => void (frame ||= requestAnimationFrame(measure));
    measure();
    addEventListener("scroll", onChange, { passive: true });
    addEventListener("resize", onChange);
    return () => {
      removeEventListener("scroll", onChange);
      removeEventListener("resize", onChange);
      cancelAnimationFrame(frame);
    };
  }, []);

  const shown = rows.slice(range.start, range.end);
  return (
    <div role="table" aria-label="Tickets in queue order" aria-rowcount={rows.length + 1} class={live ? "tickets" : "tickets stale"} aria-busy={!live}>
      <div role="row" class="row head" aria-rowindex={1}>
        {COLUMNS.map((title) => (
          <div role="columnheader" key={title}>
            {title}
          </div>
        ))}
      </div>
      <div role="rowgroup" ref={body} style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
        {shown.map((ticket, i) => (
          <QueueRow key={ticket.id} ticket={ticket} index={range.start + i} now={now} />
        ))}
      </div>
    </div>
  );
}
