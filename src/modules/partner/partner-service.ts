import { isStaff, requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import * as input from "../account/domain/index.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection, uniquely } from "../../db/prisma-helpers.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { withdrawBoundTokens } from "../token/index.ts";

type Query = { select?: Prisma.PartnerSelect; include?: Prisma.PartnerInclude };

export class PartnerService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(viewer: Viewer, data: { code: string; name: string }, query: Query = {}) {
    requireStaff(viewer, "Only staff may register partners");
    const code = input.partnerCode("code", data.code);
    return uniquely("code", `Partner code ${code} is already taken`, () =>
      this.deps.prisma.partner.create({ ...selection(query), data: { code, name: input.displayName("name", data.name) } }),
    );
  }

  /**
   * Deactivates (or reactivates) a partner: while deactivated its tokens do not authenticate, and
   * deactivating closes the sockets they hold on every instance. Its accounts stay as they are.
   */
  async setActive(viewer: Viewer, id: string, active: boolean, query: Query = {}) {
    requireStaff(viewer, `Only staff may ${active ? "reactivate" : "deactivate"} partners`);
    const current = await this.deps.prisma.partner.findUnique({ where: { id } });
    if (!current) throw new NotFoundError("id", "No partner with this id");
    return this.deps.transaction(async (tx) => {
      const deactivatedAt = active ? null : (current.deactivatedAt ?? this.deps.now());
      const partner = await tx.partner.update({ ...selection(query), where: { id }, data: { deactivatedAt } });
      if (!active && !current.deactivatedAt) await withdrawBoundTokens(tx, { partnerId: id }, "PARTNER_DEACTIVATED");
      return partner;
    });
  }

  byId(id: string, query: Query = {}) {
    return this.deps.prisma.partner.findUnique({ ...selection(query), where: { id } });
  }

  list(viewer: Viewer, query: Prisma.PartnerFindManyArgs) {
    const where = isStaff(viewer) ? {} : viewer.partnerId ? { id: viewer.partnerId } : { id: { in: [] } };
    return this.deps.prisma.partner.findMany({ ...selection(query), where, orderBy: { id: "asc" } });
  }
}
