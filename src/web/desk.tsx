import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { answerBy, humanize } from "./format.ts";
import { request } from "./graphql.ts";
import { PinCheck } from "./pin-check.tsx";
import type { Session } from "./session.ts";

const CHANNELS = ["PHONE", "CHAT", "EMAIL", "TICKET", "PORTAL", "CONTACT_FORM", "PHONE_CALLBACK", "SOCIAL", "REMOTE_SESSION"];
const PIN_CHANNELS = new Set(["PHONE", "CHAT"]);

const ENTITLEMENT = `query($customerNumber: String!, $channel: SupportChannel!, $requestType: String!) {
  entitlement(customerNumber: $customerNumber, channel: $channel, requestType: $requestType) {
    customerNumber eligible basis fallbackReason pinRequired unitBased
    account { name } tier { code name } fallbackFrom { name } priority { rank label }
    reasons { code blocking message nextOpeningAt channel }
    promise { kind dueAt guaranteed calendar { name timeZone } }
    channels { channel open nextOpeningAt pinRequired written languages calendar { timeZone } }
    requiredInformation { key label when }
  }
}`;

interface Answer {
  customerNumber: string;
  eligible: boolean;
  basis: string;
  fallbackReason: string | null;
  pinRequired: boolean;
  unitBased: boolean;
  account: { name: string } | null;
  tier: { code: string; name: string } | null;
  fallbackFrom: { name: string } | null;
  priority: { rank: number; label: string } | null;
  reasons: { code: string; blocking: boolean; message: string; nextOpeningAt: string | null; channel: string | null }[];
  promise: { kind: string; dueAt: string | null; guaranteed: boolean; calendar: { name: string; timeZone: string } }[];
  channels: {
    channel: string;
    open: boolean;
    nextOpeningAt: string | null;
    pinRequired: boolean;
    written: boolean;
    languages: string[];
    calendar: { timeZone: string };
  }[];
  requiredInformation: { key: string; label: string; when: string | null }[];
}

/** The agent's desk: who is calling, what they get, by when they hear back, and the PIN check. */
export function Desk({ session }: { session: Session }) {
  const [types, setTypes] = useState<{ code: string; name: string }[]>([]);
  const [answer, setAnswer] = useState<{ answer: Answer; channel: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<{ requestTypes: { edges: { node: { code: string; name: string } }[] } }>(session, "{ requestTypes(first: 100) { edges { node { code name } } } }")
      .then((data) => setTypes(data.requestTypes.edges.map((edge) => edge.node)))
      .catch((failure) => setError(String(failure.message ?? failure)));
  }, [session]);

  const lookUp = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const variables = {
      customerNumber: String(form.get("customerNumber")).trim(),
      channel: String(form.get("channel")),
      requestType: String(form.get("requestType")),
    };
    setBusy(true);
    setError(null);
    try {
      const data = await request<{ entitlement: Answer }>(session, ENTITLEMENT, variables);
      setAnswer({ answer: data.entitlement, channel: variables.channel });
    } catch (failure) {
      setAnswer(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="desk" aria-labelledby="desk-title">
      <h2 id="desk-title">Agent's desk</h2>
      <form class="lookup" onSubmit={lookUp}>
        <label>
          Customer number <input name="customerNumber" required placeholder="C-10001" autocomplete="off" />
        </label>
        <label>
          Channel{" "}
          <select name="channel">
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {humanize(channel)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Request{" "}
          <select name="requestType">
            {types.map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Look up
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {answer && <AnswerCard answer={answer.answer} />}
      {answer && (PIN_CHANNELS.has(answer.channel) || answer.answer.pinRequired) && (
        <PinCheck session={session} customerNumber={answer.answer.customerNumber} />
      )}
    </section>
  );
}

function AnswerCard({ answer }: { answer: Answer }) {
  const blocking = answer.reasons.filter((reason) => reason.blocking);
  const notes = answer.reasons.filter((reason) => !reason.blocking);
  return (
    <article class={`answer ${answer.eligible ? "eligible" : "not-eligible"}`} aria-label="Entitlement answer">
      <h3>
        <span aria-hidden="true">{answer.eligible ? "✓" : "✕"}</span> {answer.account?.name ?? answer.customerNumber}{" "}
        {answer.eligible ? "is entitled to support" : "is not entitled to support here"}
      </h3>
      {blocking.length > 0 && (
        <ul class="reasons">
          {blocking.map((reason) => (
            <li key={reason.code}>
              <strong>{humanize(reason.code)}:</strong> {reason.message}
            </li>
          ))}
        </ul>
      )}
      <dl>
        <dt>Support level</dt>
        <dd>
          {answer.tier?.name ?? "none"}{" "}
          {answer.fallbackFrom && (
            <small>
              (instead of {answer.fallbackFrom.name}: {humanize(answer.fallbackReason ?? "")})
            </small>
          )}
          {answer.unitBased && <small> · paid from prepaid units</small>}
        </dd>
        <dt>Priority</dt>
        <dd>{answer.priority ? answer.priority.label : "—"}</dd>
        {answer.promise.map((promise) => (
          <Fragment key={promise.kind}>
            <dt>{humanize(promise.kind)}</dt>
            <dd class="promise">
              {promise.dueAt ? (
                <>
                  answer by <strong>{answerBy(promise.dueAt, promise.calendar.timeZone)}</strong>{" "}
                  <small>
                    ({promise.calendar.timeZone}
                    {promise.guaranteed ? "" : ", best effort"})
                  </small>
                </>
              ) : (
                "no opening ahead in its calendar"
              )}
            </dd>
          </Fragment>
        ))}
        <dt>Channels</dt>
        <dd>
          <ul class="channels">
            {answer.channels.map((channel) => (
              <li key={channel.channel} data-channel={channel.channel}>
                {humanize(channel.channel)}:{" "}
                {channel.open ? "open now" : channel.nextOpeningAt ? `closed, opens ${answerBy(channel.nextOpeningAt, channel.calendar.timeZone)}` : "closed"}
                {channel.pinRequired && " · PIN"}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Required information</dt>
        <dd>
          {answer.requiredInformation.length ? (
            <ul>
              {answer.requiredInformation.map((item) => (
                <li key={item.key}>
                  {item.label} {item.when && <small>({humanize(item.when).toLowerCase()})</small>}
                </li>
              ))}
            </ul>
          ) : (
            "nothing beyond the request"
          )}
        </dd>
        <dt>Support PIN</dt>
        <dd>{answer.pinRequired ? <strong>verify the PIN before helping</strong> : "not needed on this channel"}</dd>
      </dl>
      {notes.length > 0 && (
        <ul class="notes">
          {notes.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
