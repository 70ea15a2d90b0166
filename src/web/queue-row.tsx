import { Component } from "preact";
import type { QueueTicket } from "./queue-state.ts";
import { hasRunningClock, slaView } from "./sla.ts";

interface RowProps {
  ticket: QueueTicket;
  now: number;
}

/** Rows on screen: only they tick; one scrolled into view catches up at once. */
const onScreen = new WeakSet<Element>();
const rows = new WeakMap<Element, QueueRow>();
let observer: IntersectionObserver | null = null;
const watch = () =>
  (observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) onScreen.delete(entry.target);
      else if (!onScreen.has(entry.target)) {
        onScreen.add(entry.target);
        rows.get(entry.target)?.forceUpdate();
      }
    }
  }));

/** One ticket; re-rendered when the ticket changed or, while a clock runs and the row is on screen, each second. */
export class QueueRow extends Component<RowProps> {
  override componentDidMount() {
    const element = this.base as Element;
    rows.set(element, this);
    watch().observe(element);
  }

  override componentWillUnmount() {
    observer?.unobserve(this.base as Element);
  }

  override shouldComponentUpdate(next: RowProps) {
    if (next.ticket !== this.props.ticket) return true;
    return next.now !== this.props.now && onScreen.has(this.base as Element) && hasRunningClock(next.ticket);
  }

  override render({ ticket, now }: RowProps) {
    const sla = slaView(ticket, now);
    return (
      <div role="row" class={`row tone-${sla.tone}`} data-number={ticket.number} data-sla={sla.tone}>
        <div role="cell" class="num">#{ticket.number}</div>
        <div role="cell" class="subject">{ticket.subject}</div>
        <div role="cell">
          {ticket.account.name} <small>{ticket.account.customerNumber}</small>
        </div>
        <div role="cell">
          {ticket.tier?.name ?? "—"} <small>{ticket.priority.label}</small>
        </div>
        <div role="cell">{ticket.status.replace(/_/g, " ").toLowerCase()}</div>
        <div role="cell">{ticket.assigneeId ?? <em>unassigned</em>}</div>
        <div role="cell" class="sla">
          <span class="sla-icon" aria-hidden="true">
            {sla.icon}
          </span>{" "}
          <strong>{sla.label}</strong> <span class="countdown">{sla.detail}</span>
        </div>
      </div>
    );
  }
}
