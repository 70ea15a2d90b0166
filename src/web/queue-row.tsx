import { Component } from "preact";
import type { QueueTicket } from "./queue-state.ts";
import { hasRunningClock, slaView } from "./sla.ts";

interface RowProps {
  ticket: QueueTicket;
  now: number;
}

/** One ticket; re-rendered only when the ticket changed or, while a clock runs, each second. */
export class QueueRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    return next.ticket !== this.props.ticket || (next.now !== this.props.now && hasRunningClock(next.ticket));
  }

  override render({ ticket, now }: RowProps) {
    const sla = slaView(ticket, now);
    return (
      <tr class={`tone-${sla.tone}`} data-number={ticket.number} data-sla={sla.tone}>
        <td class="num">#{ticket.number}</td>
        <td class="subject">{ticket.subject}</td>
        <td>
          {ticket.account.name} <small>{ticket.account.customerNumber}</small>
        </td>
        <td>
          {ticket.tier?.name ?? "—"} <small>{ticket.priority.label}</small>
        </td>
        <td>{ticket.status.replace(/_/g, " ").toLowerCase()}</td>
        <td>{ticket.assigneeId ?? <em>unassigned</em>}</td>
        <td class="sla">
          <span class="sla-icon" aria-hidden="true">
            {sla.icon}
          </span>{" "}
          <strong>{sla.label}</strong> <span class="countdown">{sla.detail}</span>
        </td>
      </tr>
    );
  }
}
