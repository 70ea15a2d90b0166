import { expect } from "vitest";
import { dataOf } from "./gql.ts";
import type { TestApp } from "./test-app.ts";

export const ENTITLEMENT = `query($customerNumber: String!, $channel: SupportChannel!, $requestType: String!, $language: String, $at: DateTime) {
  entitlement(customerNumber: $customerNumber, channel: $channel, requestType: $requestType, language: $language, at: $at) {
    customerNumber language eligible basis fallbackReason
    tier { code } fallbackFrom { code }
    priority { rank label }
    reasons { code blocking nextOpeningAt channel message }
    promise { kind dueAt clockStartsAt guaranteed clock amount unit endOfDay calendar { name } }
    channels { channel open nextOpeningAt languages pinRequired written }
    requiredInformation { key when }
    pinRequired unitBased
  }
}`;

export interface Question {
  customerNumber: string;
  channel: string;
  requestType: string;
  language?: string;
  at?: string;
}

/** The entitlement answer; fails with the request and response on any error. */
export async function entitlement(t: TestApp, question: Question, token?: string) {
  return dataOf(await t.gql(ENTITLEMENT, { ...question }, token)).entitlement;
}

/** The codes of an answer's reasons, blocking ones marked with a "!". */
export const reasonCodes = (answer: { reasons: { code: string; blocking: boolean }[] }) =>
  answer.reasons.map((reason) => (reason.blocking ? `!${reason.code}` : reason.code));

const ACCOUNT_CREATE = `mutation($input: AccountCreateInput!) { accountCreate(input: $input) { __typename ... on Error { message } } }`;

export async function createAccount(t: TestApp, customerNumber: string, extra: Record<string, unknown> = {}, token?: string) {
  const { accountCreate } = dataOf(await t.gql(ACCOUNT_CREATE, { input: { customerNumber, name: `Customer ${customerNumber}`, ...extra } }, token));
  expect(accountCreate.__typename).toBe("AccountCreateSuccess");
}

export const SUBSCRIPTION_FIELDS = `id status startedAt currentPeriodStart currentPeriodEnd autoRenew cancelledAt cancellationReason endedAt
  tier { code } firstPeriodCharge { amountMinor currency }`;

export const SUBSCRIBE = `mutation($input: TierSubscribeInput!) {
  tierSubscribe(input: $input) {
    __typename
    ... on TierSubscribeSuccess { subscription { ${SUBSCRIPTION_FIELDS} } }
    ... on Error { code message }
    ... on ConflictError { field }
    ... on ValidationError { field }
    ... on NotFoundError { field }
  }
}`;

/** Books a paid level and returns the subscription; fails unless it succeeded. */
export async function subscribe(t: TestApp, customerNumber: string, tierCode: string, token?: string) {
  const { tierSubscribe } = dataOf(await t.gql(SUBSCRIBE, { input: { customerNumber, tierCode } }, token));
  expect(tierSubscribe.__typename, JSON.stringify(tierSubscribe)).toBe("TierSubscribeSuccess");
  return tierSubscribe.subscription;
}
