import { canReadAccount } from "../auth/policy.ts";
import type { Viewer } from "../auth/viewer.ts";
import * as input from "../domain/account/account-input.ts";
import { NotFoundError } from "../domain/errors.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** Include this to read an account with its active paid level (at most one) in the same statement. */
export const WITH_ACTIVE_LEVEL = { tierSubscriptions: { where: { status: "ACTIVE" }, take: 1 } } satisfies Prisma.AccountInclude;
export type AccountWithLevel = Prisma.AccountGetPayload<{ include: typeof WITH_ACTIVE_LEVEL }>;

/** The account behind a customer number, if the viewer may see it; else a NotFoundError on `field`. */
export async function requireAccount<I extends Prisma.AccountInclude = Record<never, never>>(
  prisma: PrismaClient,
  viewer: Viewer,
  customerNumber: string,
  field = "customerNumber",
  include?: I,
): Promise<Prisma.AccountGetPayload<{ include: I }>> {
  const number = input.customerNumber(field, customerNumber);
  const account = await prisma.account.findUnique({ where: { customerNumber: number }, ...(include ? { include } : {}) });
  if (!account || !canReadAccount(viewer, account)) throw new NotFoundError(field, `No account with customer number ${number}`);
  return account as Prisma.AccountGetPayload<{ include: I }>;
}

/** The actor recorded in audit trails: the token, or the bootstrap credential. */
export const actorOf = (viewer: Viewer): string => viewer.tokenId ?? (viewer.role === "ADMIN" ? "ADMIN_TOKEN" : "anonymous");
