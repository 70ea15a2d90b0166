import type { AttachmentInput } from "./domain/index.ts";
import { intakeInput, ticketFlags } from "./domain/index.ts";
import type { SupportChannel } from "../tier/domain/index.ts";
import { requestHash } from "../../db/request-hash.ts";

export interface TicketCreateInput {
  customerNumber: string;
  channel: SupportChannel;
  /** default: the account's language */
  language?: string | null;
  requestTypeCode: string;
  subject: string;
  body: string;
  attachments?: readonly AttachmentInput[] | null;
  /** facts that make more information necessary: BROKEN_DATABASE */
  flags?: readonly string[] | null;
  /** checklist keys the request already carries */
  providedInformation?: readonly string[] | null;
  idempotencyKey?: string | null;
}

export type IntakeRequest = ReturnType<typeof normalise>;

/** The request checked and trimmed; an idempotency key comes with the request's fingerprint it is bound to. */
export function normalise(input: TicketCreateInput) {
  const attachments = intakeInput.attachments(input.attachments ?? []);
  const flags = ticketFlags(input.flags ?? []);
  const providedInformation = [...new Set(input.providedInformation ?? [])];
  const request = {
    channel: input.channel,
    language: input.language?.trim() || null,
    requestTypeCode: input.requestTypeCode.trim().toUpperCase(),
    subject: intakeInput.text("subject", input.subject, intakeInput.MAX_SUBJECT),
    body: intakeInput.text("body", input.body, intakeInput.MAX_BODY),
    attachments,
    flags,
    providedInformation,
  };
  const key = intakeInput.idempotencyKey("idempotencyKey", input.idempotencyKey);
  if (!key) return { ...request, idempotency: null };
  const hash = requestHash("TICKET_CREATE", {
    channel: request.channel,
    language: request.language,
    requestTypeCode: request.requestTypeCode,
    subject: request.subject,
    body: request.body,
    attachments: JSON.stringify(attachments),
    flags: JSON.stringify([...flags].sort()),
    providedInformation: JSON.stringify([...providedInformation].sort()),
  });
  return { ...request, idempotency: { key, hash } };
}
