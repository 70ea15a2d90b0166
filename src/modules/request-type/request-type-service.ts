import { requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { NotFoundError } from "../../domain/errors.ts";
import {
  type NormalisedRequestType,
  type RequestTypeDefinition,
  type RequiredInformationItem,
  requestTypeCode,
  validateRequestType,
} from "./domain/request-type-definition.ts";
import { STANDARD_REQUEST_TYPES } from "./domain/standard-request-types.ts";
import type { Prisma, RequestType } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { CachedSnapshot } from "../../events/cached-snapshot.ts";
import { selection, uniquely } from "../../db/prisma-helpers.ts";
import { byCode } from "../../db/workspace-scope.ts";

const STAFF_ONLY = "Only staff may change request types";

type Query = { select?: Prisma.RequestTypeSelect };
export type RequestTypePatch = { [K in keyof Omit<RequestTypeDefinition, "code">]?: RequestTypeDefinition[K] | null } & { code: string };

type RequestTypeRow = RequestType & { requiredInformation: RequiredInformationItem[] };

export class RequestTypeService {
  /** Every intake reads its request type: all of them are kept in memory, by code. */
  private readonly snapshot: CachedSnapshot<Map<string, RequestTypeRow>>;

  constructor(private readonly deps: ServiceDeps) {
    this.snapshot = new CachedSnapshot(deps.bus, "requestTypesChanged", async () => {
      const rows = (await deps.prisma.requestType.findMany()) as RequestTypeRow[];
      return new Map(rows.map((row) => [row.code, row]));
    });
  }

  /**
   * Inserts the standard request types that are missing, at start-up. Idempotent and safe when
   * several processes start at once (ON CONFLICT DO NOTHING); edits made since are kept.
   */
  async ensureStandard(): Promise<number> {
    const { count } = await this.snapshot.changed(
      this.deps.prisma.requestType.createMany({
        data: STANDARD_REQUEST_TYPES.map((definition) => columns(validateRequestType(definition))),
        skipDuplicates: true,
      }),
    );
    return count;
  }

  async create(viewer: Viewer, definition: RequestTypeDefinition, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const type = validateRequestType(definition);
    return this.snapshot.changed(
      uniquely("code", `A request type with code ${type.code} already exists`, () =>
        this.deps.prisma.requestType.create({ ...selection(query), data: columns(type) }),
      ),
    );
  }

  /** What is given replaces; null keeps a field, except requiresEntitlement and alternative, which it clears. */
  async update(viewer: Viewer, patch: RequestTypePatch, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.require("code", patch.code);
    const clearable = new Set(["requiresEntitlement", "alternative"]);
    const given = Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && (value !== null || clearable.has(key))));
    const type = validateRequestType({ ...specOf(current), ...given, code: current.code });
    return this.snapshot.changed(this.deps.prisma.requestType.update({ ...selection(query), where: { id: current.id }, data: columns(type) }));
  }

  list(query: Prisma.RequestTypeFindManyArgs) {
    return this.deps.prisma.requestType.findMany({ ...selection(query), orderBy: { code: "asc" } });
  }

  count() {
    return this.deps.prisma.requestType.count();
  }

  byCode(code: string, query: Query = {}) {
    return this.deps.prisma.requestType.findUnique({ ...selection(query), where: byCode(requestTypeCode("code", code)) });
  }

  /** The request type with this code, or a NotFoundError on `field`. */
  async require(field: string, code: string): Promise<RequestTypeRow> {
    const type = (await this.snapshot.get()).get(requestTypeCode(field, code));
    if (!type) throw notFound(field, code);
    return type;
  }

  /** The same for a GraphQL selection, read from the database. */
  async requireSelected(field: string, code: string, query: Query) {
    const type = await this.byCode(requestTypeCode(field, code), query);
    if (!type) throw notFound(field, code);
    return type;
  }
}

const notFound = (field: string, code: string) => new NotFoundError(field, `No request type with code ${code.trim().toUpperCase()}`);

const columns = (type: NormalisedRequestType) => ({
  ...type,
  requiredInformation: type.requiredInformation as unknown as Prisma.InputJsonValue,
});

const specOf = (row: RequestType): RequestTypeDefinition => ({
  ...row,
  requiredInformation: row.requiredInformation as unknown as RequiredInformationItem[],
});
