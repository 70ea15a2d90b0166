import { useEffect, useState } from "preact/hooks";
import type { Live } from "./live.ts";

/** The client's clock, advanced on every whole second. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, 1000 - (current % 1000));
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000));
    return () => clearTimeout(timer);
  }, []);
  return now;
}

/** Re-renders when the socket's state changes. */
export function useLink(live: Live): { state: Live["state"]; retries: number } {
  const [, setVersion] = useState(0);
  useEffect(() => live.onChange(() => setVersion((v) => v + 1)), [live]);
  return { state: live.state, retries: live.retries };
}
