import { useState } from "preact/hooks";
import { request } from "./graphql.ts";
import type { Session } from "./session.ts";

/** Asks for an API token (and a workspace when the token may choose one) and checks it with the server. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const session = { token: String(form.get("token") ?? "").trim(), workspace: String(form.get("workspace") ?? "").trim() };
    if (!session.token) return setError("Enter an API token.");
    setBusy(true);
    setError(null);
    try {
      const { viewer } = await request<{ viewer: { role: string | null } }>(session, "{ viewer { role } }");
      if (!viewer.role) throw new Error("The server did not accept this token.");
      onSignedIn(session);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>supportclock</h1>
      <p>Sign in with an API token. It is kept in this tab only (sessionStorage) and sent as a header, never in the address.</p>
      <form onSubmit={submit}>
        <label>
          API token
          <input name="token" type="password" autocomplete="off" required />
        </label>
        <label>
          Workspace <small>(only when your token may choose one)</small>
          <input name="workspace" type="text" autocomplete="off" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
