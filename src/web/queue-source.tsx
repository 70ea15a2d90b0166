import { useEffect, useState } from "preact/hooks";
import { request } from "./graphql.ts";
import type { Session } from "./session.ts";

/** What the live queue watches: a saved queue, or an ad-hoc filter (TicketFilterInput). */
export type QueueSource = { queueId: string; label: string } | { filter: Record<string, unknown>; label: string };

export const ALL_OPEN: QueueSource = { filter: {}, label: "All open tickets" };

/** Picks a saved queue (staff) or builds an ad-hoc filter. */
export function QueueSourcePicker({ session, source, onChange }: { session: Session; source: QueueSource; onChange: (source: QueueSource) => void }) {
  const [saved, setSaved] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    request<{ queues: { id: string; name: string }[] }>(session, "{ queues { id name } }")
      .then((data) => setSaved(data.queues))
      .catch(() => setSaved([])); // only staff have saved queues
  }, [session]);

  const applyFilter = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const tiers = String(form.get("tiers") ?? "")
      .split(",")
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    const filter: Record<string, unknown> = {
      ...(tiers.length ? { tierCodes: tiers } : {}),
      ...(form.get("unassigned") ? { unassigned: true } : {}),
      ...(form.get("breached") ? { breached: true } : {}),
      ...(form.get("atRisk") ? { atRisk: true } : {}),
    };
    const parts = [tiers.length ? `tiers ${tiers.join(", ")}` : "", ...["unassigned", "breached", "atRisk"].filter((key) => form.get(key))];
    onChange({ filter, label: parts.filter(Boolean).length ? `Open tickets: ${parts.filter(Boolean).join(", ")}` : ALL_OPEN.label });
  };

  return (
    <div class="source">
      <label>
        Queue{" "}
        <select
          value={"queueId" in source ? source.queueId : ""}
          onChange={(event) => {
            const id = (event.currentTarget as HTMLSelectElement).value;
            const queue = saved.find((q) => q.id === id);
            onChange(queue ? { queueId: queue.id, label: queue.name } : ALL_OPEN);
          }}
        >
          <option value="">Ad-hoc filter</option>
          {saved.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
      </label>
      {!("queueId" in source) && (
        <form class="filter" onSubmit={applyFilter}>
          <label>
            Tiers <input name="tiers" placeholder="GOLD, SILVER" size={14} />
          </label>
          <label>
            <input type="checkbox" name="unassigned" /> unassigned
          </label>
          <label>
            <input type="checkbox" name="breached" /> breached
          </label>
          <label>
            <input type="checkbox" name="atRisk" /> at risk
          </label>
          <button type="submit">Apply</button>
        </form>
      )}
    </div>
  );
}
