/** The signed-in credential: kept in sessionStorage (gone with the tab), never in the URL. */
export interface Session {
  token: string;
  /** Empty unless the token may choose a workspace. */
  workspace: string;
}

const KEY = "supportclock.session";

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return typeof session.token === "string" ? { token: session.token, workspace: session.workspace ?? "" } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export function httpHeaders(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.token}`, ...(session.workspace ? { "x-workspace": session.workspace } : {}) };
}

/** What graphql-ws sends in connection_init. */
export function connectionParams(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.token}`, ...(session.workspace ? { workspace: session.workspace } : {}) };
}
