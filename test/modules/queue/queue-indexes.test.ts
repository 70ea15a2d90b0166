import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../../src/auth/viewer.ts";
import { type TicketFilter, ticketPageStatement } from "../../../src/modules/queue/index.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";
import { createWorkspace } from "../../helpers/workspaces.ts";

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

// Every queue page names its workspace first, and the queue order indexes lead with it: the page is
// read from the vendor's own tickets in queue order (workspaceId in the index condition, no sort),
// not from every vendor's open tickets filtered afterwards.
describe("queue pages seek into their workspace's part of the queue order indexes", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createWorkspace(await startTestApp(), "queue-index-vendor");
  });
  afterAll(() => t.stop());

  const planOf = async (filter: TicketFilter) => {
    const viewer: Viewer = { role: "AGENT", tokenId: "agent", partnerId: null, accountId: null, workspaceId: t.workspaceId };
    const { sql, values } = ticketPageStatement(viewer, filter, new Date("2026-03-02T09:00:00Z"), { limit: 26, backward: false }, {});
    const [row] = await t.prisma.$transaction(async (tx) => {
      // the tables of a test are tiny: without these the planner would rather read them whole
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, ...values);
    });
    const plan = row!["QUERY PLAN"];
    return nodes((typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan as PlanNode);
  };

  it.each<[string, TicketFilter, string, string[]]>([
    ["the whole queue", {}, "Ticket_queue_order_idx", ["workspaceId"]],
    ["one assignee's tickets", { assigneeIds: ["agent-1"] }, "Ticket_queue_assignee_idx", ["workspaceId", "assigneeId"]],
    ["one team's tickets", { teamIds: ["team-a"] }, "Ticket_queue_team_idx", ["workspaceId", "teamId"]],
  ])("%s: an index scan on its workspace, in queue order", async (_label, filter, index, keys) => {
    const plan = await planOf(filter);
    const scan = plan.find((node) => node["Index Name"] === index);
    expect(scan, JSON.stringify(plan, null, 2)).toBeDefined();
    for (const key of keys) expect(scan!["Index Cond"], JSON.stringify(scan)).toContain(`"${key}"`);
    expect(plan.map((node) => node["Node Type"])).not.toContain("Sort");
  });
});
