import { useState } from "preact/hooks";
import { answerBy } from "./format.ts";
import { request } from "./graphql.ts";
import type { Session } from "./session.ts";

const VERIFY = `mutation($input: SupportPinVerifyInput!) {
  supportPinVerify(input: $input) {
    __typename
    ... on SupportPinVerification { verified outcome attemptsLeft lockedUntil }
    ... on PinLockedError { until: lockedUntil }
    ... on Error { code message }
  }
}`;

type Result = {
  __typename: string;
  verified?: boolean;
  outcome?: string;
  attemptsLeft?: number;
  lockedUntil?: string | null;
  until?: string;
  message?: string;
};
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function describe(result: Result): { ok: boolean; text: string } {
  if (result.__typename === "SupportPinVerification") {
    if (result.verified) return { ok: true, text: "PIN verified." };
    if (result.outcome === "NO_PIN") return { ok: false, text: "This customer has no support PIN yet." };
    if (result.lockedUntil) return { ok: false, text: `Wrong PIN. Verification is locked until ${answerBy(result.lockedUntil, zone)}.` };
    return { ok: false, text: `Wrong PIN. ${result.attemptsLeft} attempts left.` };
  }
  if (result.__typename === "PinLockedError") return { ok: false, text: `Verification is locked until ${answerBy(result.until!, zone)}.` };
  return { ok: false, text: result.message ?? result.__typename };
}

/** The support PIN check agents run on the phone and in chat. */
export function PinCheck({ session, customerNumber }: { session: Session; customerNumber: string }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const verify = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const pin = String(new FormData(form).get("pin") ?? "").trim();
    try {
      const data = await request<{ supportPinVerify: Result }>(session, VERIFY, { input: { customerNumber, pin } });
      setOutcome(describe(data.supportPinVerify));
      form.reset();
    } catch (failure) {
      setOutcome({ ok: false, text: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return (
    <form class="pin" onSubmit={verify}>
      <label>
        Support PIN of {customerNumber} <input name="pin" inputMode="numeric" autocomplete="off" pattern="[0-9]*" maxLength={6} required />
      </label>
      <button type="submit">Verify</button>
      {outcome && (
        <p class={outcome.ok ? "ok" : "error"} role="status">
          <span aria-hidden="true">{outcome.ok ? "✓" : "✕"}</span> {outcome.text}
        </p>
      )}
    </form>
  );
}
