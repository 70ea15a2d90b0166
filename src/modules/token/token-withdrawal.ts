import { outboxRow, type Tx } from "../../events/outbox.ts";
import type { TokenWithdrawal } from "../../events/topics.ts";

/**
 * In the transaction that deactivates a partner or closes an account: every live token bound to it
 * is announced the way a revocation is, so the one listener (TokenService.onRevoked) drops its cached
 * credential and closes its sockets on every instance. The tokens stay unrevoked: authentication
 * refuses them while the partner or account stays so, and takes them again once it is back.
 */
export async function withdrawBoundTokens(
  tx: Tx,
  bound: { partnerId: string } | { accountId: string },
  reason: Exclude<TokenWithdrawal, "REVOKED">,
): Promise<void> {
  const tokens = await tx.apiToken.findMany({ where: { ...bound, revokedAt: null }, select: { id: true, secretHash: true } });
  if (tokens.length === 0) return;
  await tx.outboxEvent.createMany({ data: tokens.map((token) => outboxRow("apiTokenRevoked", { tokenId: token.id, secretHash: token.secretHash, reason })) });
}
