import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { isAdmin } from "../../auth/policy.ts";
import { ConfigError } from "../../config.ts";
import { AuthenticationError, type Role, type Viewer } from "../../auth/viewer.ts";
import * as input from "../account/domain/index.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../domain/errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import { PLATFORM_ADMIN } from "../../auth/viewer.ts";
import { acrossWorkspaces } from "../../db/workspace-scope.ts";
import { enqueue } from "../../events/outbox.ts";
import type { TokenWithdrawal } from "../../events/topics.ts";
import { byCode, byCustomerNumber } from "../../db/workspace-scope.ts";

export interface ApiTokenCreateInput {
  name: string;
  role: Role;
  partnerCode?: string | null;
  customerNumber?: string | null;
}

type Query = { select?: Prisma.ApiTokenSelect; include?: Prisma.ApiTokenInclude };

// Secrets are 192 random bits, so one fast hash is enough; a slow KDF would only slow every request.
const TOKEN_TTL_MS = 30_000;
const MAX_CACHED_TOKENS = 10_000;
const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
const newSecret = () => `sc_${randomBytes(24).toString("base64url")}`;
/** Arbitrary constant shared by every supportclock process creating the first-start admin token. */
const BOOTSTRAP_LOCK_KEY = 72_707_370;

/** How an administrator gets in: ADMIN_TOKEN, an admin token already issued, or one created now. */
export type AdminAccess = { kind: "ADMIN_TOKEN" } | { kind: "EXISTING"; prefix: string } | { kind: "CREATED"; secret: string };

export class TokenService {
  private readonly adminHash: Buffer | null;

  constructor(
    private readonly deps: ServiceDeps,
    adminToken: string | undefined,
  ) {
    this.adminHash = adminToken ? Buffer.from(hash(adminToken), "hex") : null;
    this.listenForRevocations();
  }

  /** The viewer behind a bearer secret; an unknown or revoked secret is an AuthenticationError. */
  async authenticate(secret: string): Promise<Viewer> {
    const digest = hash(secret);
    if (this.adminHash && timingSafeEqual(this.adminHash, Buffer.from(digest, "hex"))) {
      return PLATFORM_ADMIN;
    }
    const cached = this.known.get(digest);
    if (cached) return cached;
    // The secret names its workspace: found before any workspace is known.
    const token = await acrossWorkspaces(() =>
      this.deps.prisma.apiToken.findUnique({
        where: { secretHash: digest },
        include: { partner: { select: { deactivatedAt: true } }, account: { select: { status: true } } },
      }),
    );
    if (!token || token.revokedAt) throw new AuthenticationError("Unknown or revoked token");
    if (token.partner?.deactivatedAt) throw new AuthenticationError("The token's partner is deactivated");
    if (token.account?.status === "CLOSED") throw new AuthenticationError("The token's account is closed");
    // The first-start token stands in for ADMIN_TOKEN: the platform administrator, in the workspace a request names.
    const viewer: Viewer = token.platformAdmin
      ? { ...PLATFORM_ADMIN, tokenId: token.id }
      : { role: token.role, tokenId: token.id, partnerId: token.partnerId, accountId: token.accountId, workspaceId: token.workspaceId };
    this.known.set(digest, viewer);
    return viewer;
  }

  /**
   * Recently seen valid tokens: every request authenticates, and a database read each time would
   * cost more than the request. A revocation clears the entry on every instance at once (the TTL
   * only bounds the damage should that event be lost).
   */
  private readonly known = new LRUCache<string, Viewer>({ max: MAX_CACHED_TOKENS, ttl: TOKEN_TTL_MS });

  private readonly revocationListeners = new Set<(tokenId: string, reason: TokenWithdrawal) => void>();

  /**
   * Calls `listener` with the id of each token that stopped authenticating (revoked, its partner
   * deactivated or its account closed), here or on another instance (the WebSocket server closes its sockets).
   */
  onRevoked(listener: (tokenId: string, reason: TokenWithdrawal) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  private revoked(tokenId: string, secretHash: string, reason: TokenWithdrawal) {
    this.known.delete(secretHash);
    for (const listener of this.revocationListeners) listener(tokenId, reason);
  }

  private listenForRevocations() {
    void (async () => {
      for await (const { tokenId, secretHash, reason } of this.deps.bus.subscribe("apiTokenRevoked")) this.revoked(tokenId, secretHash, reason ?? "REVOKED");
    })();
  }

  async create(viewer: Viewer, data: ApiTokenCreateInput, query: Query = {}) {
    if (!isAdmin(viewer)) throw new ForbiddenError("Only administrators issue tokens");
    const binding = await this.binding(data);
    const secret = newSecret();
    const token = await this.deps.prisma.apiToken.create({
      ...selection(query),
      data: {
        name: input.displayName("name", data.name),
        role: data.role,
        secretHash: hash(secret),
        prefix: secret.slice(0, 8),
        createdBy: viewer.tokenId ?? "ADMIN_TOKEN",
        ...binding,
      },
    });
    return { token, secret };
  }

  async revoke(viewer: Viewer, id: string, query: Query = {}) {
    if (!isAdmin(viewer)) throw new ForbiddenError("Only administrators revoke tokens");
    const token = await this.deps.prisma.apiToken.findUnique({ where: { id } });
    if (!token) throw new NotFoundError("id", "No token with this id");
    // The revocation and its event commit together; the outbox relay delivers the event to every
    // instance and retries while the bus is down, so a committed revocation answers success.
    const revoked = await this.deps.transaction(async (tx) => {
      const row = await tx.apiToken.update({ ...selection(query), where: { id }, data: { revokedAt: token.revokedAt ?? this.deps.now() } });
      await enqueue(tx, "apiTokenRevoked", { tokenId: token.id, secretHash: token.secretHash, reason: "REVOKED" });
      return row;
    });
    this.revoked(token.id, token.secretHash, "REVOKED");
    return revoked;
  }

  list(viewer: Viewer, query: Prisma.ApiTokenFindManyArgs) {
    if (!isAdmin(viewer)) throw new ForbiddenError("Only administrators list tokens");
    return this.deps.prisma.apiToken.findMany({ ...selection(query), orderBy: { id: "asc" } });
  }

  count() {
    return this.deps.prisma.apiToken.count();
  }

  /**
   * The way in on a start without ADMIN_TOKEN. A database that has no live platform administrator
   * token gets one (a platform administrator, as ADMIN_TOKEN is: it manages workspaces and acts in
   * the one a request names), whose secret is returned once (the caller prints it) and stored only as its hash; in
   * production that is refused instead, since a secret in the log is a leak. Several processes
   * starting at once create one: the check and the insert run under an advisory lock.
   */
  async ensureAdminAccess(production: boolean): Promise<AdminAccess> {
    if (this.adminHash) return { kind: "ADMIN_TOKEN" };
    return this.deps.transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`;
      const existing = await tx.apiToken.findFirst({ where: { platformAdmin: true, revokedAt: null }, select: { prefix: true } });
      if (existing) return { kind: "EXISTING", prefix: existing.prefix };
      if (production) throw new ConfigError("no ADMIN_TOKEN set and the database has no admin token: set ADMIN_TOKEN (16+ characters) to start in production");
      const secret = newSecret();
      await tx.apiToken.create({
        data: {
          name: "first-start administrator",
          role: "ADMIN",
          secretHash: hash(secret),
          prefix: secret.slice(0, 8),
          createdBy: "first start",
          platformAdmin: true,
        },
      });
      return { kind: "CREATED", secret };
    });
  }

  /** Partner tokens are bound to a partner, customer tokens to an account; staff tokens to neither. */
  private async binding(data: ApiTokenCreateInput): Promise<{ partnerId: string | null; accountId: string | null }> {
    if (data.role === "PARTNER") {
      if (!data.partnerCode) throw new ValidationError("partnerCode", "A PARTNER token needs partnerCode");
      const partner = await this.deps.prisma.partner.findUnique({ where: byCode(input.partnerCode("partnerCode", data.partnerCode)) });
      if (!partner) throw new NotFoundError("partnerCode", `No partner with code ${data.partnerCode}`);
      return { partnerId: partner.id, accountId: null };
    }
    if (data.role === "CUSTOMER") {
      if (!data.customerNumber) throw new ValidationError("customerNumber", "A CUSTOMER token needs customerNumber");
      const account = await this.deps.prisma.account.findUnique({
        where: byCustomerNumber(input.customerNumber("customerNumber", data.customerNumber)),
      });
      if (!account) throw new NotFoundError("customerNumber", `No account with customer number ${data.customerNumber}`);
      return { partnerId: null, accountId: account.id };
    }
    if (data.partnerCode || data.customerNumber) {
      throw new ValidationError(data.partnerCode ? "partnerCode" : "customerNumber", `A ${data.role} token is not bound to a partner or account`);
    }
    return { partnerId: null, accountId: null };
  }
}
