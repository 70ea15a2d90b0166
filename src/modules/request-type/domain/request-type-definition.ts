import { displayName } from "../../account/domain/index.ts";
import { ValidationError } from "../../../domain/errors.ts";
import { TIER_ENTITLEMENTS, type TierEntitlement } from "../../tier/domain/index.ts";

/**
 * When a required-information item applies: always (null), only for broken-database problems
 * (001: a database backup), only when the request arrives outside the tier's support hours
 * (001: at least two proposed installation dates), or only when it is served on the included
 * level (001: free support needs the latest add-on version installed).
 */
export const INFORMATION_CONDITIONS = ["BROKEN_DATABASE", "OUTSIDE_SUPPORT_HOURS", "INCLUDED_LEVEL"] as const;
export type InformationCondition = (typeof INFORMATION_CONDITIONS)[number];

/**
 * What becomes of a request its type puts out of scope: accepted as a paid-offer request without
 * SLA clocks (003: customisation), or declined (003: outdated or modified products are not
 * supported; the customer updates and asks again).
 */
export const OUT_OF_SCOPE_HANDLING = ["PAID_OFFER", "DECLINE"] as const;
export type OutOfScopeHandling = (typeof OUT_OF_SCOPE_HANDLING)[number];

export interface RequiredInformationItem {
  key: string;
  label: string;
  when: InformationCondition | null;
}

export interface RequestTypeDefinition {
  code: string;
  name: string;
  inScope?: boolean | null;
  writtenOnly?: boolean | null;
  premiumOnly?: boolean | null;
  requiresEntitlement?: TierEntitlement | null;
  requiredInformation?: readonly { key: string; label: string; when?: InformationCondition | null }[] | null;
  alternative?: string | null;
  /** default PAID_OFFER; matters only when inScope is false */
  outOfScope?: OutOfScopeHandling | null;
}

export interface NormalisedRequestType {
  code: string;
  name: string;
  inScope: boolean;
  writtenOnly: boolean;
  premiumOnly: boolean;
  requiresEntitlement: TierEntitlement | null;
  requiredInformation: RequiredInformationItem[];
  alternative: string | null;
  outOfScope: OutOfScopeHandling;
}

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const KEY = /^[a-z][A-Za-z0-9]{0,39}$/;
const MAX_ITEMS = 20;
const MAX_ALTERNATIVE = 500;

export function requestTypeCode(field: string, value: string): string {
  const normalised = value.trim().toUpperCase();
  if (!CODE.test(normalised)) throw new ValidationError(field, `${field} must be 2–40 upper-case letters, digits or underscores, e.g. REFUND`);
  return normalised;
}

/** Checks every rule of a request type and returns it with defaults filled in. */
export function validateRequestType(input: RequestTypeDefinition): NormalisedRequestType {
  const requiresEntitlement = input.requiresEntitlement ?? null;
  if (requiresEntitlement !== null && !TIER_ENTITLEMENTS.includes(requiresEntitlement)) {
    throw new ValidationError("requiresEntitlement", `requiresEntitlement must be one of ${TIER_ENTITLEMENTS.join(", ")}`);
  }
  const outOfScope = input.outOfScope ?? "PAID_OFFER";
  if (!OUT_OF_SCOPE_HANDLING.includes(outOfScope)) throw new ValidationError("outOfScope", `outOfScope must be one of ${OUT_OF_SCOPE_HANDLING.join(", ")}`);
  const alternative = input.alternative?.trim() || null;
  if (alternative && alternative.length > MAX_ALTERNATIVE)
    throw new ValidationError("alternative", `alternative must be at most ${MAX_ALTERNATIVE} characters`);
  return {
    code: requestTypeCode("code", input.code),
    name: displayName("name", input.name),
    inScope: input.inScope ?? true,
    writtenOnly: input.writtenOnly ?? false,
    premiumOnly: input.premiumOnly ?? false,
    requiresEntitlement,
    requiredInformation: validateItems(input.requiredInformation ?? []),
    alternative,
    outOfScope,
  };
}

function validateItems(items: NonNullable<RequestTypeDefinition["requiredInformation"]>): RequiredInformationItem[] {
  if (items.length > MAX_ITEMS) throw new ValidationError("requiredInformation", `requiredInformation takes at most ${MAX_ITEMS} items`);
  return items.map((item, index) => {
    const path = `requiredInformation.${index}`;
    if (!KEY.test(item.key)) throw new ValidationError(`${path}.key`, `${path}.key must be a camelCase identifier, e.g. reproductionSteps`);
    if (items.findIndex((other) => other.key === item.key) !== index) throw new ValidationError(`${path}.key`, `${path}.key: ${item.key} is listed twice`);
    const when = item.when ?? null;
    if (when !== null && !INFORMATION_CONDITIONS.includes(when)) {
      throw new ValidationError(`${path}.when`, `${path}.when must be null or one of ${INFORMATION_CONDITIONS.join(", ")}`);
    }
    return { key: item.key, label: displayName(`${path}.label`, item.label), when };
  });
}
