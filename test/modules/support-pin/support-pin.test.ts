import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "../../helpers/clock.ts";
import { dataOf } from "../../helpers/gql.ts";
import { createAccount } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const ROTATE = `mutation($customerNumber: String!) {
  supportPinRotate(input: { customerNumber: $customerNumber }) {
    __typename ... on SupportPinIssued { pin account { customerNumber supportPinSet } } ... on Error { code message } ... on NotFoundError { field }
  }
}`;
const VERIFY = `mutation($customerNumber: String!, $pin: String!) {
  supportPinVerify(input: { customerNumber: $customerNumber, pin: $pin }) {
    __typename
    ... on SupportPinVerification { verified outcome attemptsLeft lockedUntil }
    ... on PinLockedError { code message until: lockedUntil field }
    ... on ValidationError { code field }
  }
}`;

describe("the support PIN for chat and phone", () => {
  let t: TestApp;
  const START = "2026-03-11T10:00:00Z";
  const clock = testClock(START);
  let customer: string;
  let partner: string;
  let agent: string;
  let accounts = 0;
  const verify = async (customerNumber: string, candidate: string) => dataOf(await t.gql(VERIFY, { customerNumber, pin: candidate }, agent)).supportPinVerify;
  const attempts = (customerNumber: string) => t.prisma.supportPinAttempt.findMany({ where: { account: { customerNumber } }, orderBy: { id: "asc" } });
  const wrong = (pin: string) => (pin === "000000" ? "000001" : "000000");
  /** An account of the test's own (sold by P-MJ), its customer's token and, unless `issued` is false, the PIN the customer was shown. */
  const account = async ({ issued = true } = {}) => {
    const customerNumber = `C-PIN-${++accounts}`;
    await createAccount(t, customerNumber, { partnerCode: "P-MJ" });
    const token = await t.token("CUSTOMER", { customerNumber });
    const pin: string = issued ? dataOf(await t.gql(ROTATE, { customerNumber }, token)).supportPinRotate.pin : "";
    return { customerNumber, token, pin };
  };

  // Shared and never changed by a test: C-PIN (sold by P-MJ) and C-NOPIN, and the tokens.
  beforeAll(async () => {
    t = await startTestApp({ now: clock.now });
    dataOf(await t.gql(`mutation { partnerCreate(input: { code: "P-MJ", name: "Reseller" }) { __typename } }`));
    await createAccount(t, "C-PIN", { partnerCode: "P-MJ" });
    await createAccount(t, "C-NOPIN");
    customer = await t.token("CUSTOMER", { customerNumber: "C-PIN" });
    partner = await t.token("PARTNER", { partnerCode: "P-MJ" });
    agent = await t.token("AGENT");
  });
  afterAll(() => t.stop());
  beforeEach(() => clock.set(START)); // every test starts on 11 March, 10:00 UTC

  it("shows the customer a new 6-digit PIN once and stores only a hash", async () => {
    const { customerNumber, token } = await account({ issued: false });
    const { supportPinRotate } = dataOf(await t.gql(ROTATE, { customerNumber }, token));
    expect(supportPinRotate).toMatchObject({ __typename: "SupportPinIssued", account: { customerNumber, supportPinSet: true } });
    expect(supportPinRotate.pin).toMatch(/^\d{6}$/);
    const pin = supportPinRotate.pin;
    const stored = await t.prisma.account.findFirstOrThrow({ where: { customerNumber } });
    expect(stored.supportPinHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.supportPinHash).not.toContain(pin);
  });

  it("does not issue PINs to partners or for other customers", async () => {
    expect(dataOf(await t.gql(ROTATE, { customerNumber: "C-PIN" }, partner)).supportPinRotate).toMatchObject({ __typename: "ForbiddenError" });
    expect(dataOf(await t.gql(ROTATE, { customerNumber: "C-NOPIN" }, customer)).supportPinRotate).toMatchObject({
      __typename: "NotFoundError",
      field: "customerNumber",
    });
  });

  it("verifies the right PIN for an agent and audits the attempt", async () => {
    const { customerNumber, pin } = await account();
    expect(await verify(customerNumber, pin)).toEqual({
      __typename: "SupportPinVerification",
      verified: true,
      outcome: "VERIFIED",
      attemptsLeft: 5,
      lockedUntil: null,
    });
    expect((await attempts(customerNumber)).map((a) => [a.success, a.outcome, a.at.toISOString()])).toEqual([[true, "VERIFIED", "2026-03-11T10:00:00.000Z"]]);
  });

  it("lets only staff verify", async () => {
    const { customerNumber, token, pin } = await account();
    const response = await t.gql(VERIFY, { customerNumber, pin }, token);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("locks verification for 15 minutes after five wrong PINs, auditing every attempt", async () => {
    const { customerNumber, pin } = await account();
    for (const left of [4, 3, 2, 1])
      expect(await verify(customerNumber, wrong(pin))).toMatchObject({ verified: false, outcome: "WRONG_PIN", attemptsLeft: left, lockedUntil: null });
    expect(await verify(customerNumber, wrong(pin))).toMatchObject({ verified: false, attemptsLeft: 0, lockedUntil: "2026-03-11T10:15:00.000Z" });

    clock.set("2026-03-11T10:14:59Z");
    const locked = await verify(customerNumber, pin);
    // aliased: a union's members may not share a field name with different nullability
    expect(locked).toMatchObject({ __typename: "PinLockedError", code: "PIN_LOCKED", until: "2026-03-11T10:15:00.000Z", field: "pin" });
    expect(locked.message).toContain("10:15");
    const audit = await attempts(customerNumber);
    expect(audit.map((a) => a.outcome)).toEqual(["WRONG_PIN", "WRONG_PIN", "WRONG_PIN", "WRONG_PIN", "WRONG_PIN", "LOCKED"]);
    expect(audit.every((a) => a.actor === audit[0]!.actor && a.actor.length > 0)).toBe(true);
    const { account: read } = dataOf(
      await t.gql(`query($customerNumber: String!) { account(customerNumber: $customerNumber) { pinLockedUntil } }`, { customerNumber }),
    );
    expect(read.pinLockedUntil).toBe("2026-03-11T10:15:00.000Z");
  });

  it("counts afresh once the lock has expired", async () => {
    const { customerNumber, pin } = await account();
    for (let i = 0; i < 5; i++) await verify(customerNumber, wrong(pin));
    expect((await verify(customerNumber, pin)).__typename).toBe("PinLockedError");
    clock.set("2026-03-11T10:15:00Z");
    expect(await verify(customerNumber, wrong(pin))).toMatchObject({ outcome: "WRONG_PIN", attemptsLeft: 4 });
    expect(await verify(customerNumber, pin)).toMatchObject({ verified: true, attemptsLeft: 5 });
  });

  it("a new PIN replaces the old one and lifts a lock", async () => {
    const { customerNumber, pin } = await account();
    for (let i = 0; i < 5; i++) await verify(customerNumber, wrong(pin));
    expect((await verify(customerNumber, pin)).__typename).toBe("PinLockedError");
    const fresh = dataOf(await t.gql(ROTATE, { customerNumber })).supportPinRotate.pin;
    if (fresh !== pin) expect(await verify(customerNumber, pin)).toMatchObject({ verified: false, outcome: "WRONG_PIN" });
    expect(await verify(customerNumber, fresh)).toMatchObject({ verified: true });
  });

  it("says when an account has no PIN yet, without counting it as a guess", async () => {
    const { customerNumber } = await account({ issued: false });
    expect(await verify(customerNumber, "123456")).toEqual({
      __typename: "SupportPinVerification",
      verified: false,
      outcome: "NO_PIN",
      attemptsLeft: 5,
      lockedUntil: null,
    });
    expect((await attempts(customerNumber)).map((a) => a.outcome)).toEqual(["NO_PIN"]);
  });

  it.each(["12345", "1234567", "12a456", ""])("refuses the malformed PIN %j without auditing it", async (candidate) => {
    const { customerNumber } = await account();
    const before = (await attempts(customerNumber)).length;
    expect(await verify(customerNumber, candidate)).toEqual({ __typename: "ValidationError", code: "VALIDATION", field: "pin" });
    expect((await attempts(customerNumber)).length).toBe(before);
  });
});
