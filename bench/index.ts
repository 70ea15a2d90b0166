// `npm run bench`: every benchmark of the project, each printing its figures next to the anchor
// measured in the same run. Run one alone with `npx tsx bench/<name>.ts`.
import { runCalendarBench } from "./calendar.ts";
import { runQueueScaleBench } from "./queue-scale.ts";
import { runRealtimeBench } from "./realtime.ts";
import { runResumeBench } from "./resume.ts";
import { runTicketBench } from "./tickets.ts";

const benches: [string, () => Promise<void>][] = [
  ["the queue page at scale, response cache off (the headline)", runQueueScaleBench],
  ["business calendar", runCalendarBench],
  ["tickets and queues", runTicketBench],
  ["realtime", runRealtimeBench],
  ["resuming subscriptions", runResumeBench],
];

for (const [name, run] of benches) {
  console.log(`\n## ${name}\n`);
  await run();
}
