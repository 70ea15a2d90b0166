/** The descriptions every resumable subscription shares (README, "Resuming a subscription"). */
export const SEQUENCE =
  "The event's place in the service's single, ordered stream of events: it increases with every delivery; gaps are normal (events of other filters). To see whether anything was missed, resume with `cursor`.";
export const CURSOR =
  "Opaque position of this event in this subscription: pass it as `after` when resubscribing to get every event since, without a gap or a repeat.";
export const AFTER =
  "Resume: first replay, in order, every event of this subscription (same arguments, same viewer) committed after this cursor, then continue live. A cursor of another subscription is refused (VALIDATION, field after); one older than the retention window answers CURSOR_EXPIRED with the oldest cursor available.";
