import { format } from "node:util";
import { GraphQLError } from "graphql";
import type { YogaLogger } from "graphql-yoga";
import { ANONYMOUS, AuthenticationError, bearerSecret, type Viewer } from "../auth/viewer.ts";
import { DomainError } from "../domain/errors.ts";
import type { Services } from "../modules/registry.ts";
import { DEFAULT_WORKSPACE_SLUG } from "../modules/workspace/index.ts";
import type { Logger } from "../logger.ts";

/** A request naming a workspace its credential may not act in, or one that does not exist. */
class WorkspaceRefusedError extends Error {
  readonly code = "WORKSPACE_FORBIDDEN";
}

/**
 * The viewer behind an Authorization value, in the workspace the request names (`X-Workspace`, or
 * `workspace` in connection_init). A token acts in its own workspace only; the platform
 * administrator acts in the one named, else in `default`. A bad credential is a 401, a workspace
 * the credential may not act in a 403 — never silently anonymous or another workspace.
 */
export async function authenticateRequest(services: Services, authorization: unknown, workspace?: unknown): Promise<Viewer> {
  try {
    const secret = bearerSecret(authorization);
    const viewer = secret ? await services.tokens.authenticate(secret) : ANONYMOUS;
    return viewer.role === null ? viewer : await actingIn(services, viewer, workspace);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
    }
    if (error instanceof WorkspaceRefusedError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 403 } } });
    }
    throw error;
  }
}

async function actingIn(services: Services, viewer: Viewer, named: unknown): Promise<Viewer> {
  const slug = typeof named === "string" && named.trim() ? named.trim().toLowerCase() : null;
  if (named !== undefined && named !== null && named !== "" && slug === null) throw new WorkspaceRefusedError("The workspace must be named by its slug");
  if (slug === null) return viewer.platformAdmin ? { ...viewer, workspaceId: await services.workspaces.idOf(DEFAULT_WORKSPACE_SLUG) } : viewer;
  const id = await services.workspaces.idOf(slug);
  if (viewer.platformAdmin) {
    if (!id) throw new WorkspaceRefusedError(`No workspace ${slug}`);
    return { ...viewer, workspaceId: id };
  }
  // A token never learns whether another workspace exists.
  if (id !== viewer.workspaceId) throw new WorkspaceRefusedError(`This credential does not act in workspace ${slug}`);
  return viewer;
}

/** Expected failures keep their message and code; anything else stays masked (and Yoga logs it). */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
  if (original instanceof DomainError) {
    const { code, field } = original;
    const details = "details" in original ? (original.details as Record<string, unknown>) : {};
    const where = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return new GraphQLError(original.message, { ...where, extensions: { code, ...(field ? { field } : {}), ...details } });
  }
  return new GraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

const expected = (error: unknown) => error instanceof DomainError || (error instanceof GraphQLError && error.originalError instanceof DomainError);

/** Yoga's logger: Yoga logs every error its masking replaced, so an expected one (a DomainError) only at debug. */
export function yogaLogger(log: Logger): YogaLogger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first] = args;
      if (!(first instanceof Error)) return log[level](format(...args));
      const error = first instanceof GraphQLError && first.originalError ? first.originalError : first;
      if (level === "error" && !expected(first)) log.error({ err: error }, "internal error");
      else log[level === "error" ? "debug" : level]({ err: error }, error.message);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
