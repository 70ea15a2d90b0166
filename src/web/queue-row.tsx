import { Component } from "preact";
import type { QueueTicket } from "./queue-state.ts";
import { hasRunningClock, slaView } from "./sla.ts";

/** Rows have one height (one line each, long text cut with an ellipsis), so the table can place them by index. */
export const ROW_HEIGHT = 36;

interface RowProps {
  ticket: QueueTicket;
  /** 0-based place in the queue */
  index: number;
  now: number;
}

/** One ticket; re-rendered when it changed or moved or, while a clock runs, each second. */
export class QueueRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    const { ticket, index, now } = this.props;
    return next.ticket !== ticket || next.index !== index || (next.now !== now && hasRunningClock(next.ticket));
  }

  override render({ ticket, index, now }: RowProps) {
    const sla = slaView(ticket, now);
    return (
      <div
        role="row"
        class={`row tone-${sla.tone}`}
        style={{ top: `${index * ROW_HEIGHT}px` }}
        aria-rowindex={index + 2}
        data-number={ticket.number}
        data-sla={sla.tone}
        title={`#${ticket.number} ${ticket.subject} · ${ticket.account.name}`}
      >
        <div role="cell" class="num">
          #{ticket.number}
        </div>
        <div role="cell" class="subject">
          {ticket.subject}
        </div>
        <div role="cell">
          {ticket.account.name} <small>{ticket.account.customerNumber}</small>
        </div>
        <div role="cell">
          {ticket.priority.label} <small>{ticket.tier?.name ?? "no tier"}</small>
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
