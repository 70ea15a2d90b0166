import { canReadAccount } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import * as input from "./domain/account-input.ts";
import { NotFoundError } from "../../domain/errors.ts";
import type { SqlQuery } from "../../db/client.ts";
import type { Account, PrismaClient, TierSubscription } from "../../generated/prisma/client.ts";
import { revive } from "../../db/json-rows.ts";
import { byCustomerNumber } from "../../db/workspace-scope.ts";

/** An account with its active paid level, if any (at most one: a partial unique index). */
export type AccountWithLevel = Account & { tierSubscriptions: TierSubscription[] };

/** The account behind a customer number, if the viewer may see it; else a NotFoundError on `field`. */
export async function requireAccount(prisma: PrismaClient, viewer: Viewer, customerNumber: string, field = "customerNumber") {
  const number = input.customerNumber(field, customerNumber);
  return visibleOr(viewer, field, number, await prisma.account.findUnique({ where: byCustomerNumber(number) }));
}

/** The same with the account's active paid level, in one plain statement: every intake asks this. */
export async function requireAccountWithLevel(sql: SqlQuery, viewer: Viewer, customerNumber: string, field = "customerNumber"): Promise<AccountWithLevel> {
  const number = input.customerNumber(field, customerNumber);
  const [row] = await sql<{ account: Record<string, unknown>; level: Record<string, unknown> | null }>(
    `SELECT to_jsonb(a) AS account, to_jsonb(s) AS level FROM "Account" a
     LEFT JOIN LATERAL (SELECT * FROM "TierSubscription" t WHERE t."accountId" = a.id AND t.status = 'ACTIVE' LIMIT 1) s ON true
     WHERE a."customerNumber" = $1`,
    [number],
    { prepare: true },
  );
  const account = row && {
    ...revive<Account>(row.account, ACCOUNT_DATES),
    tierSubscriptions: row.level ? [revive<TierSubscription>(row.level, LEVEL_DATES)] : [],
  };
  return visibleOr(viewer, field, number, account);
}

const ACCOUNT_DATES = { createdAt: true, updatedAt: true, pinLockedUntil: true } as const;
const LEVEL_DATES = {
  startedAt: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelledAt: true,
  endedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

function visibleOr<A extends Account>(viewer: Viewer, field: string, number: string, account: A | null | undefined): A {
  if (!account || !canReadAccount(viewer, account)) throw new NotFoundError(field, `No account with customer number ${number}`);
  return account;
}

/** The actor recorded in audit trails: the token, or the bootstrap credential. */
export const actorOf = (viewer: Viewer): string => viewer.tokenId ?? (viewer.role === "ADMIN" ? "ADMIN_TOKEN" : "anonymous");
