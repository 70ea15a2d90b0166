// The due rule lives in src/domain, outside every module, so the dashboard's bundle takes this one
// file and decides a countdown's breach exactly as the server does (src/web/sla.ts).
export { breachInstant, latestOverdueDue, metOnTime, overdueAt } from "../../../domain/due-rule.ts";
