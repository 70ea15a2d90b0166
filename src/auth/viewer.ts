/** Who is calling: resolved once per HTTP request or WebSocket connection. */
export type Role = "ADMIN" | "AGENT" | "PARTNER" | "CUSTOMER";

export interface Viewer {
  role: Role | null;
  /** The API token behind the call; null for the bootstrap ADMIN_TOKEN and anonymous calls. */
  tokenId: string | null;
  partnerId: string | null;
  accountId: string | null;
  /** The workspace the call acts in: its token's, or the one the platform administrator named. */
  workspaceId: string | null;
  /** The bootstrap ADMIN_TOKEN: manages workspaces and may act inside any of them. */
  platformAdmin?: boolean;
}

export const ANONYMOUS: Viewer = { role: null, tokenId: null, partnerId: null, accountId: null, workspaceId: null };

/** The service itself, acting on its own on a change it saw (recorded as actor "system") in the current workspace. */
export const SYSTEM: Viewer = { role: "ADMIN", tokenId: "system", partnerId: null, accountId: null, workspaceId: null };

/** The bootstrap credential before it named a workspace. */
export const PLATFORM_ADMIN: Viewer = { role: "ADMIN", tokenId: null, partnerId: null, accountId: null, workspaceId: null, platformAdmin: true };

export class AuthenticationError extends Error {
  readonly code = "UNAUTHENTICATED";
}

/** Extracts the secret from `Bearer <secret>`; undefined when no credential was sent. */
export function bearerSecret(authorization: unknown): string | undefined {
  if (authorization === undefined || authorization === null || authorization === "") return undefined;
  const match = typeof authorization === "string" ? /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(authorization.trim()) : null;
  if (!match) throw new AuthenticationError('Malformed authorization: expected "Bearer <token>"');
  return match[1];
}
