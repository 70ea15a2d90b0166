import { canChangeAccountStanding, canCreateAccount, canReadAccount } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import * as input from "./domain/account-input.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { enqueue } from "../../events/outbox.ts";
import { streamPosition } from "../../events/cursor.ts";
import { resumable } from "../../events/resume.ts";
import { type InBurst, readInBurst, withId } from "../../events/burst.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection, uniquely } from "../../db/prisma-helpers.ts";
import { byCode, byCustomerNumber } from "../../db/workspace-scope.ts";
import { scopeWhere } from "../../db/scope-where.ts";
import { withdrawBoundTokens } from "../token/index.ts";

export interface AccountCreateInput {
  customerNumber: string;
  name: string;
  status?: input.AccountStatus | null;
  paymentStatus?: input.PaymentStatus | null;
  language?: string | null;
  partnerCode?: string | null;
}

export interface AccountUpdateInput {
  id: string;
  name?: string | null;
  status?: input.AccountStatus | null;
  paymentStatus?: input.PaymentStatus | null;
  language?: string | null;
  partnerCode?: string | null;
}

export interface AccountFilter {
  status?: input.AccountStatus[] | null;
  paymentStatus?: input.PaymentStatus[] | null;
  partnerCode?: string | null;
  search?: string | null;
}

type Query = { select?: Prisma.AccountSelect; include?: Prisma.AccountInclude };

export class AccountService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(viewer: Viewer, data: AccountCreateInput, query: Query = {}) {
    if (!canCreateAccount(viewer)) throw new ForbiddenError("Only staff and partners may create accounts");
    const customerNumber = input.customerNumber("customerNumber", data.customerNumber);
    const partnerId = viewer.role === "PARTNER" ? viewer.partnerId : await this.partnerId(data.partnerCode);
    const values = {
      customerNumber,
      name: input.displayName("name", data.name),
      language: data.language ? input.language("language", data.language) : "en",
      ...(data.status ? { status: data.status } : {}),
      ...(data.paymentStatus ? { paymentStatus: data.paymentStatus } : {}),
      partnerId,
    };
    return uniquely("customerNumber", `Customer number ${customerNumber} is already taken`, () =>
      this.deps.transaction(async (tx) => {
        const account = await tx.account.create({ ...selection(query), data: values });
        await enqueue(tx, "accountChanged", { accountId: account.id, kind: "CREATED" });
        return account;
      }),
    );
  }

  async update(viewer: Viewer, data: AccountUpdateInput, query: Query = {}) {
    const current = await this.deps.prisma.account.findUnique({ where: { id: data.id } });
    if (!current || !canReadAccount(viewer, current)) throw new NotFoundError("id", "No account with this id");
    const standing = data.status || data.paymentStatus || data.partnerCode !== undefined;
    if (standing && !canChangeAccountStanding(viewer)) {
      throw new ForbiddenError("Only staff may change status, payment status or partner");
    }
    if (viewer.role === "CUSTOMER") throw new ForbiddenError("Customers cannot change their account");
    const changes = {
      ...(data.name != null ? { name: input.displayName("name", data.name) } : {}),
      ...(data.language != null ? { language: input.language("language", data.language) } : {}),
      ...(data.status ? { status: data.status } : {}),
      ...(data.paymentStatus ? { paymentStatus: data.paymentStatus } : {}),
      ...(data.partnerCode !== undefined ? { partnerId: await this.partnerId(data.partnerCode) } : {}),
    };
    return this.deps.transaction(async (tx) => {
      const account = await tx.account.update({ ...selection(query), where: { id: current.id }, data: changes });
      await enqueue(tx, "accountChanged", { accountId: current.id, kind: "UPDATED" });
      if (changes.status === "CLOSED" && current.status !== "CLOSED") await withdrawBoundTokens(tx, { accountId: current.id }, "ACCOUNT_CLOSED");
      return account;
    });
  }

  async byCustomerNumber(viewer: Viewer, customerNumber: string, query: Query = {}) {
    const number = input.customerNumber("customerNumber", customerNumber);
    const account = await this.deps.prisma.account.findUnique({ ...selection(query), where: byCustomerNumber(number) });
    return account && canReadAccount(viewer, account as never) ? account : null;
  }

  /** Reads an account for delivery to `viewer`, or null when it is gone or not theirs. */
  async visible(viewer: Viewer, id: string, query: Query = {}) {
    const account = await this.deps.prisma.account.findFirst({ ...selection(query), where: { AND: [{ id }, this.where(viewer, {})] } });
    return account;
  }

  /** The account a delivered event names, if the viewer may see it; read with those of the event's whole burst. */
  delivered(viewer: Viewer, delivery: InBurst<{ accountId: string }>, query: Query = {}) {
    return readInBurst(delivery, "accountId", query, (ids) =>
      this.deps.prisma.account.findMany({ ...withId(selection(query)), where: { AND: [{ id: { in: ids } }, this.where(viewer, {})] } }),
    );
  }

  /** Changes to accounts the viewer may see, optionally one customer number, re-authorised per event; after the cursor `after`, then live. */
  changes(viewer: Viewer, customerNumber?: string | null, after?: string | null) {
    const number = customerNumber ? input.customerNumber("customerNumber", customerNumber) : null;
    const select = { id: true, partnerId: true, customerNumber: true };
    const position = streamPosition("accountChanged", { customerNumber: number }, viewer, after);
    return resumable(this.deps, ["accountChanged"], position, async (events) => {
      const accounts = await this.deps.prisma.account.findMany({ where: { id: { in: [...new Set(events.map((event) => event.accountId))] } }, select });
      const byId = new Map(accounts.map((account) => [account.id, account]));
      return events.map((event) => {
        const account = byId.get(event.accountId);
        if (!account || !canReadAccount(viewer, account) || (number && account.customerNumber !== number)) return null;
        return event;
      });
    });
  }

  list(viewer: Viewer, filter: AccountFilter, query: Prisma.AccountFindManyArgs) {
    return this.deps.prisma.account.findMany({ ...selection(query), where: this.where(viewer, filter), orderBy: { id: "asc" } });
  }

  count(viewer: Viewer, filter: AccountFilter) {
    return this.deps.prisma.account.count({ where: this.where(viewer, filter) });
  }

  private where(viewer: Viewer, filter: AccountFilter): Prisma.AccountWhereInput {
    const search = filter.search?.trim();
    if (search && search.length > 100) throw new ValidationError("filter.search", "Search must be at most 100 characters");
    return {
      AND: [
        scopeWhere(viewer, "self"),
        filter.status?.length ? { status: { in: filter.status } } : {},
        filter.paymentStatus?.length ? { paymentStatus: { in: filter.paymentStatus } } : {},
        filter.partnerCode ? { partner: { code: input.partnerCode("filter.partnerCode", filter.partnerCode) } } : {},
        search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { customerNumber: { contains: search.toUpperCase() } }] } : {},
      ],
    };
  }

  private async partnerId(code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    const partner = await this.deps.prisma.partner.findUnique({ where: byCode(input.partnerCode("partnerCode", code)) });
    if (!partner) throw new NotFoundError("partnerCode", `No partner with code ${code}`);
    return partner.id;
  }
}
