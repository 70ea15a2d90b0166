import { canReadAccount } from "../auth/policy.ts";
import type { Viewer } from "../auth/viewer.ts";
import * as input from "../domain/account/account-input.ts";
import { NotFoundError } from "../domain/errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The account behind a customer number, if the viewer may see it; else a NotFoundError on `field`. */
export async function requireAccount(prisma: PrismaClient, viewer: Viewer, customerNumber: string, field = "customerNumber") {
  const number = input.customerNumber(field, customerNumber);
  const account = await prisma.account.findUnique({ where: { customerNumber: number } });
  if (!account || !canReadAccount(viewer, account)) throw new NotFoundError(field, `No account with customer number ${number}`);
  return account;
}

/** The actor recorded in audit trails: the token, or the bootstrap credential. */
export const actorOf = (viewer: Viewer): string => viewer.tokenId ?? (viewer.role === "ADMIN" ? "ADMIN_TOKEN" : "anonymous");
