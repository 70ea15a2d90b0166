import type { AccountStatus, PaymentStatus } from "../../account/domain/index.ts";
import type { BusinessCalendar, ClockMode, DurationUnit } from "../../calendar/domain/index.ts";
import type { NormalisedRequestType, RequiredInformationItem } from "../../request-type/domain/index.ts";
import type { SubscriptionTerm } from "../../subscription/domain/index.ts";
import type { SupportChannel } from "../../tier/domain/index.ts";
import type { TargetKind, TierEntitlement } from "../../tier/domain/index.ts";

/** A tier as the entitlement decision needs it (a stored row with its targets and channels fits). */
export interface TierSpec {
  id: string;
  code: string;
  name: string;
  includedByDefault: boolean;
  priorityRank: number;
  priorityLabel: string;
  entitlements: readonly TierEntitlement[];
  unitBased: boolean;
  partnerSaleCutoff: string | null;
  targets: readonly { kind: TargetKind; amount: number; unit: DurationUnit; clock: ClockMode; calendarId: string; guaranteed: boolean; endOfDay?: boolean }[];
  channels: readonly { channel: SupportChannel; calendarId: string; languages: readonly string[]; pinRequired: boolean }[];
}

export interface AccountStanding {
  status: AccountStatus;
  paymentStatus: PaymentStatus;
  partnerId: string | null;
  /** when the account was created: for a partner-sold account, the moment of the sale */
  createdAt: number;
}

/** A request type as the entitlement decision needs it: the normalised stored one. */
export type RequestTypeSpec = Readonly<NormalisedRequestType>;

export interface EntitlementInput {
  account: AccountStanding;
  /** the live catalog: the included level and partner-sale grants are found here */
  catalog: readonly TierSpec[];
  /** the account's active paid level, if any (its tier may be archived: it is honoured to the end) */
  subscription: (SubscriptionTerm & { tier: TierSpec }) | null;
  requestType: RequestTypeSpec;
  channel: SupportChannel;
  language: string;
  at: number;
  /** compiled calendars by id: every calendar the tiers above reference */
  calendars: ReadonlyMap<string, BusinessCalendar>;
  /** the account's prepaid units, for unit-based levels (001), and the cheapest package on sale */
  units?: PrepaidUnits;
}

export interface PrepaidUnits {
  balance: number;
  /** how far below zero work may take the balance */
  overdraftLimit: number;
  cheapestPackage: UnitPackageOffer | null;
}

export interface UnitPackageOffer {
  id: string;
  code: string;
  units: number;
  priceMinor: number;
  currency: string;
}

export const REASON_CODES = [
  "ACCOUNT_INACTIVE",
  "PAYMENT_OVERDUE",
  "CHANNEL_NOT_IN_TIER",
  "CHANNEL_CLOSED",
  "LANGUAGE_NOT_OFFERED",
  "WRITTEN_CHANNEL_REQUIRED",
  "OUT_OF_SCOPE",
  "NOT_SUPPORTED",
  "PREMIUM_REQUIRED",
  "UNITS_EXHAUSTED",
  "PIN_REQUIRED",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  message: string;
  /** false for what the answer only reports: a fallback to the included level, a PIN to verify */
  blocking: boolean;
  nextOpeningAt?: number | null;
  channel?: SupportChannel | null;
  /** UNITS_EXHAUSTED: the balance, and the cheapest package that would buy more */
  unitBalance?: number;
  cheapestPackage?: UnitPackageOffer | null;
}

/** How the effective tier came about. */
export type EntitlementBasis = "SUBSCRIPTION" | "PARTNER_SALE" | "INCLUDED" | "FALLBACK" | "NONE";

export interface ResponsePromise {
  kind: TargetKind;
  amount: number;
  unit: DurationUnit;
  clock: ClockMode;
  calendarId: string;
  guaranteed: boolean;
  /** due at the end of the Nth day the clock runs (1 = the same day) rather than at the same wall time */
  endOfDay: boolean;
  /** the first moment the target's clock runs: `at` when running, else the next opening */
  clockStartsAt: number | null;
  /** null only when the calendar never opens again */
  dueAt: number | null;
}

export interface ChannelAvailability {
  channel: SupportChannel;
  calendarId: string;
  open: boolean;
  nextOpeningAt: number | null;
  languages: readonly string[];
  pinRequired: boolean;
  written: boolean;
}

export interface EntitlementAnswer {
  at: number;
  eligible: boolean;
  reasons: Reason[];
  tier: TierSpec | null;
  basis: EntitlementBasis;
  fallback: { from: TierSpec; reason: "ACCOUNT_INACTIVE" | "PAYMENT_OVERDUE" } | null;
  priority: { rank: number; label: string } | null;
  /** empty when not eligible: no ticket would be opened */
  promise: ResponsePromise[];
  channels: ChannelAvailability[];
  requiredInformation: RequiredInformationItem[];
  pinRequired: boolean;
  unitBased: boolean;
}
