import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
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
    if (cached && cached.until > Date.now()) return cached.viewer;
    // The secret names its workspace: found before any workspace is known.
    const token = await acrossWorkspaces(() => this.deps.prisma.apiToken.findUnique({ where: { secretHash: digest } }));
    if (!token || token.revokedAt) throw new AuthenticationError("Unknown or revoked token");
    // The first-start token stands in for ADMIN_TOKEN: the platform administrator, in the workspace a request names.
    const viewer: Viewer = token.platformAdmin
      ? { ...PLATFORM_ADMIN, tokenId: token.id }
      : { role: token.role, tokenId: token.id, partnerId: token.partnerId, accountId: token.accountId, workspaceId: token.workspaceId };
    if (this.known.size >= MAX_CACHED_TOKENS) this.known.clear();
    this.known.set(digest, { viewer, until: Date.now() + TOKEN_TTL_MS });
    return viewer;
  }

  /**
   * Recently seen valid tokens: every request authenticates, and a database read each time would
   * cost more than the request. A revocation clears the entry on every instance at once (the TTL
   * only bounds the damage should that event be lost).
   */
  private readonly known = new Map<string, { viewer: Viewer; until: number }>();

  private listenForRevocations() {
    void (async () => {
      for await (const { secretHash } of this.deps.bus.subscribe("apiTokenRevoked")) this.known.delete(secretHash);
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
    const revoked = await this.deps.prisma.apiToken.update({
      ...selection(query),
      where: { id },
      data: { revokedAt: token.revokedAt ?? this.deps.now() },
    });
    this.known.delete(token.secretHash);
    await this.deps.bus.publish("apiTokenRevoked", { secretHash: token.secretHash });
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
      await tx.apiToken.create({ data: { name: "first-start administrator", role: "ADMIN", secretHash: hash(secret), prefix: secret.slice(0, 8), createdBy: "first start", platformAdmin: true } });
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
