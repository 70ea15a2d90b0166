import type { AdminAccess } from "../modules/token/index.ts";
import { type Config, ConfigError, describeDatabase } from "../config.ts";

/** A start-up failure as one line a person can act on (the stack only with LOG_LEVEL=debug). */
export function startFailureLine(error: unknown, config: Config | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = oneLine(error instanceof Error ? error.message || String(code ?? error.name) : String(error));
  if (error instanceof ConfigError) return `configuration error: ${message}`;
  if (code === "DATA_DIR_IN_USE") return `cannot start: ${message}`;
  const where = config ? `${config.host}:${config.port}` : "the configured address";
  if (code === "EADDRINUSE") return `cannot start: ${where} is already in use (EADDRINUSE); stop the process that holds it or set PORT to another port`;
  if (code === "EACCES" && (error as NodeJS.ErrnoException).syscall === "listen")
    return `cannot start: no permission to listen on ${where} (EACCES); use a PORT above 1023`;
  if (code === "EADDRNOTAVAIL") return `cannot start: HOST ${config?.host ?? ""} is not an address of this machine (EADDRNOTAVAIL)`;
  const database = config ? describeDatabase(config) : "the database";
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT")
    return `cannot start: ${database} is not reachable (${code}); is it running, and is DATABASE_URL right?`;
  if (code === "3D000") return `cannot start: ${database} does not exist; create it or point DATABASE_URL at one that does`;
  return `cannot start: ${message}${code ? ` (${code})` : ""}; set LOG_LEVEL=debug to see the stack`;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

/** How to get in as administrator, printed at start. */
export function adminLines(access: AdminAccess): string[] {
  switch (access.kind) {
    case "ADMIN_TOKEN":
      return ["admin: send the header Authorization: Bearer <ADMIN_TOKEN> (the value in the environment)"];
    case "EXISTING":
      return [
        `admin: no ADMIN_TOKEN set; use the admin token shown at the first start (it begins ${access.prefix}) or restart with ADMIN_TOKEN=<16+ characters>`,
      ];
    case "CREATED":
      return [
        "admin: no ADMIN_TOKEN set, so this first start created an admin token. It is shown only now (only its hash is stored):",
        `admin:   Authorization: Bearer ${access.secret}`,
        "admin: keep it, or set ADMIN_TOKEN to a secret of your own (16+ characters); revoke this one with apiTokenRevoke",
      ];
  }
}
