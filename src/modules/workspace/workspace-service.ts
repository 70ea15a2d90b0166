import type { Viewer } from "../../auth/viewer.ts";
import { selection, uniquely } from "../../db/prisma-helpers.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { inWorkspace } from "../../db/workspace-scope.ts";
import { ForbiddenError, ValidationError } from "../../domain/errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import * as input from "../account/domain/index.ts";
import type { RequestTypeService } from "../request-type/index.ts";

type Query = { select?: Prisma.WorkspaceSelect; include?: Prisma.WorkspaceInclude };

/** The workspace rows that existed before workspaces did moved into this one (the migration's). */
export const DEFAULT_WORKSPACE_SLUG = "default";
/** The id prisma/migrations/*_workspaces gave `default`. */
export const DEFAULT_WORKSPACE_ID = "00000000-0000-7000-8000-000000000001";
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export function workspaceSlug(field: string, value: string): string {
  const slug = value.trim().toLowerCase();
  if (!SLUG.test(slug)) throw new ValidationError(field, 'Slug must be 1–48 lower-case letters, digits or inner dashes, e.g. "acme-support"');
  return slug;
}

/** Workspaces: one vendor's support organisation each. Only the platform administrator manages them. */
export class WorkspaceService {
  /** Slugs never change and workspaces are never deleted, so a slug's id is kept once seen. */
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly requestTypes: RequestTypeService,
  ) {}

  /** A new workspace with the standard request types of its own. */
  async create(viewer: Viewer, data: { slug: string; name: string }, query: Query = {}) {
    assertPlatformAdmin(viewer);
    const slug = workspaceSlug("slug", data.slug);
    const workspace = await uniquely("slug", `Workspace ${slug} already exists`, () =>
      this.deps.prisma.workspace.create({ data: { slug, name: input.displayName("name", data.name) } }),
    );
    await inWorkspace(workspace.id, () => this.requestTypes.ensureStandard());
    this.ids.set(slug, workspace.id);
    return this.deps.prisma.workspace.findUniqueOrThrow({ ...selection(query), where: { id: workspace.id } });
  }

  list(viewer: Viewer, query: Prisma.WorkspaceFindManyArgs) {
    assertPlatformAdmin(viewer);
    return this.deps.prisma.workspace.findMany({ ...selection(query), orderBy: { id: "asc" } });
  }

  count() {
    return this.deps.prisma.workspace.count();
  }

  byId(id: string, query: Query = {}) {
    return this.deps.prisma.workspace.findUnique({ ...selection(query), where: { id } });
  }

  /** The id behind a slug, or null when there is no such workspace. */
  async idOf(slug: string): Promise<string | null> {
    const known = this.ids.get(slug);
    if (known) return known;
    const row = await this.deps.prisma.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (row) this.ids.set(slug, row.id);
    return row?.id ?? null;
  }

  /** Every workspace's id, for background work that goes through them one by one. */
  async allIds(): Promise<string[]> {
    return (await this.deps.prisma.workspace.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
  }

  /** Runs `work` inside each workspace in turn. */
  async forEach(work: (workspaceId: string) => Promise<unknown>): Promise<void> {
    for (const id of await this.allIds()) await inWorkspace(id, () => work(id));
  }
}

function assertPlatformAdmin(viewer: Viewer) {
  if (!viewer.platformAdmin) throw new ForbiddenError("Only the platform administrator (ADMIN_TOKEN) manages workspaces");
}
