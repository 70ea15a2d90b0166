import { describedValues } from "../../../graphql/enum-values.ts";
import type { SlaReport as Report, SlaReportLine as Line } from "../../sla/domain/index.ts";
import { SLA_REPORT_GROUPS } from "../ticket-report-service.ts";
import { builder } from "../../../graphql/builder.ts";

const SlaReportGroupBy = builder.enumType("SlaReportGroupBy", {
  description: "What each line of an SLA report stands for.",
  values: describedValues(SLA_REPORT_GROUPS, {
    TIER: "One line per tier code.",
    CHANNEL: "One line per support channel.",
    TEAM: "One line per team; (none) for unassigned.",
  }),
});

const SlaReportLine = builder.objectRef<Line>("SlaReportLine").implement({
  description: "First-response compliance of one group of tickets (or of all, as the total).",
  fields: (t) => ({
    group: t.exposeString("group", { description: "Tier code, channel or team; (none) when the ticket has none." }),
    tickets: t.exposeInt("tickets", { description: "Decided first responses: met, met late or breached." }),
    met: t.exposeInt("met", { description: "First responses given at or before their due instant." }),
    breached: t.exposeInt("breached", { description: "Met late or not met by the due instant." }),
    compliancePercent: t.exposeFloat("compliancePercent", { nullable: true, description: "met / tickets × 100, unrounded; null when there are no tickets." }),
    medianFirstResponseMinutes: t.float({
      nullable: true,
      description: "Nearest-rank median, in the target's clock minutes.",
      resolve: (l) => l.medianMinutes,
    }),
    p90FirstResponseMinutes: t.float({
      nullable: true,
      description: "Nearest-rank 90th percentile of the first responses, in the target's clock minutes; null when none was given.",
      resolve: (l) => l.p90Minutes,
    }),
  }),
});

const SlaReport = builder.objectRef<Report>("SlaReport").implement({
  description: "First-response compliance of the tickets opened in a period, by group and in total.",
  fields: (t) => ({
    groups: t.expose("groups", { type: [SlaReportLine], description: "One line per group that has tickets, by group name." }),
    total: t.expose("total", { type: SlaReportLine, description: "All tickets of the period together." }),
  }),
});

builder.queryField("slaReport", (t) =>
  t.field({
    type: SlaReport,
    authScopes: { staff: true },
    description: "First-response compliance of the tickets opened in [from, to), as it stands now.",
    args: {
      from: t.arg({ description: "Start of the period, inclusive: tickets opened at or after it.", type: "DateTime" }),
      to: t.arg({ description: "End of the period, exclusive; at most 366 days after from.", type: "DateTime" }),
      groupBy: t.arg({ description: "One line per tier, channel or team, plus a total.", type: SlaReportGroupBy }),
    },
    resolve: (_root, args, ctx) => ctx.services.ticketReports.report(ctx.viewer, args),
  }),
);
