import { overdueAt } from "../domain/due-rule.ts";
import type { QueueTicket, SlaClock } from "./queue-state.ts";

export type SlaTone = "breached" | "at-risk" | "running" | "paused" | "waiting" | "met" | "none";

/** What a row shows for its SLA: an icon and words (never colour alone) and the countdown. */
export interface SlaView {
  tone: SlaTone;
  icon: string;
  label: string;
  detail: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 3d 04h 10m 05s · 1h 02m 05s · 12m 05s: seconds always, so a running clock visibly ticks */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days) return `${days}d ${pad(hours)}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (hours) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  return `${minutes}m ${pad(seconds)}s`;
}

const due = (clock: SlaClock) => (clock.dueAt ? Date.parse(clock.dueAt) : Number.POSITIVE_INFINITY);

/** The clock that decides the row: the running one due first, else a paused one, else one yet to start. */
function governing(clocks: SlaClock[]): SlaClock | undefined {
  const running = clocks.filter((clock) => clock.running).sort((a, b) => due(a) - due(b));
  return running[0] ?? clocks.find((clock) => clock.state === "PAUSED") ?? clocks.find((clock) => clock.state === "NOT_STARTED");
}

export const hasRunningClock = (ticket: QueueTicket) => ticket.slaClocks.some((clock) => clock.running);

/** The row's SLA at `now` (client time): counted down from the server's dueAt, breached by either side's word. */
export function slaView(ticket: QueueTicket, now: number): SlaView {
  const clock = governing(ticket.slaClocks);
  if (!clock) {
    const met = ticket.slaClocks.length > 0;
    return { tone: met ? "met" : "none", icon: met ? "✓" : "–", label: met ? "Met" : "No SLA", detail: "" };
  }
  const name = clock.kind.toLowerCase().replace(/_/g, " ");
  if (clock.state === "PAUSED") {
    const left = clock.remainingBusinessMinutes;
    return { tone: "paused", icon: "‖", label: "Paused", detail: left === null ? name : `${left} min left · ${name}` };
  }
  if (clock.state === "NOT_STARTED" || !clock.dueAt) return { tone: "waiting", icon: "…", label: "Not started", detail: name };
  const left = due(clock) - now;
  // the server's due rule (a reply at exactly dueAt is on time); the server may also call it
  // breached a moment before this browser's clock gets there
  const overdue = overdueAt(due(clock), now);
  if (clock.breached || clock.state === "BREACHED" || overdue) {
    const over = overdue ? `${formatDuration(left)} over` : "due now";
    return { tone: "breached", icon: "✖", label: "Breached", detail: `${over} · ${name}` };
  }
  const atRisk = ticket.atRiskAt !== null && Date.parse(ticket.atRiskAt) <= now;
  return atRisk
    ? { tone: "at-risk", icon: "⚠", label: "At risk", detail: `${formatDuration(left)} · ${name}` }
    : { tone: "running", icon: "◷", label: "Due in", detail: `${formatDuration(left)} · ${name}` };
}
