import { useEffect, useMemo, useState } from "preact/hooks";
import { AlertCenter } from "./alerts.tsx";
import { Desk } from "./desk.tsx";
import { connectLive } from "./live.ts";
import { QueueView } from "./queue-view.tsx";
import { clearSession, loadSession, saveSession, type Session } from "./session.ts";
import { SignIn } from "./sign-in.tsx";

type View = "queue" | "desk";
const viewOf = (hash: string): View => (hash === "#desk" ? "desk" : "queue");

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [view, setView] = useState<View>(viewOf(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOf(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  if (!session)
    return (
      <SignIn
        onSignedIn={(signedIn) => {
          saveSession(signedIn);
          setSession(signedIn);
        }}
      />
    );
  return (
    <SignedIn
      session={session}
      view={view}
      onSignOut={() => {
        clearSession();
        setSession(null);
      }}
    />
  );
}

function SignedIn({ session, view, onSignOut }: { session: Session; view: View; onSignOut: () => void }) {
  const live = useMemo(() => connectLive(session), [session]);
  useEffect(() => () => live.dispose(), [live]);
  return (
    <>
      <nav class="top">
        <strong class="brand">supportclock</strong>
        <a href="#queue" aria-current={view === "queue" ? "page" : undefined}>
          Live queue
        </a>
        <a href="#desk" aria-current={view === "desk" ? "page" : undefined}>
          Agent's desk
        </a>
        <a href="/graphql" target="_blank" rel="noopener">
          GraphiQL
        </a>
        <span class="who">{session.workspace && `workspace ${session.workspace}`}</span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </nav>
      <div class="layout">
        <main>{view === "queue" ? <QueueView session={session} live={live} /> : <Desk session={session} />}</main>
        <AlertCenter session={session} live={live} />
      </div>
    </>
  );
}
