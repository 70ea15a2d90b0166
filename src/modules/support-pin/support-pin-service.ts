import { randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { canRotateSupportPin, canVerifySupportPin } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { ForbiddenError } from "../../domain/errors.ts";
import { afterFailure, afterSuccess, attemptsLeft, isLocked, pinFormat, type PinState } from "./domain/lockout.ts";
import { PinLockedError } from "./domain/errors.ts";
import type { Account, Prisma, SupportPinOutcome } from "../../generated/prisma/client.ts";
import { actorOf, requireAccount } from "../account/index.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";

type Cost = { N: number; r: number; p: number; maxmem: number };
const derive = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: Cost) => Promise<Buffer>;
// A 6-digit PIN has only a million values: the slow hash buys time if the table leaks, the
// lockout is what stops guessing through the API.
const COST: Cost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** The PIN state, read with the account's row lock: attempts on one account queue behind it, each holding it for one slow hash. */
const PIN_COLUMNS = ["supportPinHash", "pinFailedAttempts", "pinLockedUntil"] as const;

export interface PinVerification {
  verified: boolean;
  outcome: Exclude<SupportPinOutcome, "LOCKED">;
  attemptsLeft: number;
  /** set when this failure locked verification */
  lockedUntil: Date | null;
}

type Tx = Prisma.TransactionClient;

export class SupportPinService {
  constructor(private readonly deps: ServiceDeps) {}

  /** A new random PIN, returned this once; only its scrypt hash is stored, and the lockout is reset. */
  async rotate(viewer: Viewer, customerNumber: string): Promise<{ pin: string; account: Account }> {
    const account = await requireAccount(this.deps.prisma, viewer, customerNumber);
    if (!canRotateSupportPin(viewer, account)) throw new ForbiddenError("Only the customer or staff may issue a support PIN");
    const pin = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const updated = await this.deps.prisma.account.update({
      where: { id: account.id },
      data: { supportPinHash: await hash(pin), pinFailedAttempts: 0, pinLockedUntil: null },
    });
    return { pin, account: updated };
  }

  /**
   * Checks a PIN a chat or phone agent was told. Every attempt is audited; the fifth wrong one in
   * a row locks verification for 15 minutes (PinLockedError until then, right PIN or not).
   * Attempts on one account are serialised by its row lock, so parallel guesses count too.
   */
  async verify(viewer: Viewer, customerNumber: string, pin: string): Promise<PinVerification> {
    if (!canVerifySupportPin(viewer)) throw new ForbiddenError("Only staff verify support PINs");
    const account = await requireAccount(this.deps.prisma, viewer, customerNumber);
    pinFormat("pin", pin);
    const now = this.deps.now();
    const check = async (tx: Tx, row: Pick<Account, (typeof PIN_COLUMNS)[number]>): Promise<PinVerification | { locked: number }> => {
      const state: PinState = { failedAttempts: row.pinFailedAttempts, lockedUntil: row.pinLockedUntil?.getTime() ?? null };
      const attempt = (outcome: SupportPinOutcome) => this.audit(tx, viewer, account.id, outcome, now);
      if (isLocked(state, now.getTime())) {
        await attempt("LOCKED");
        return { locked: state.lockedUntil! };
      }
      if (!row.supportPinHash) {
        await attempt("NO_PIN");
        return { verified: false, outcome: "NO_PIN", attemptsLeft: attemptsLeft(state, now.getTime()), lockedUntil: null };
      }
      const verified = await matches(pin, row.supportPinHash);
      const next = verified ? afterSuccess() : afterFailure(state, now.getTime());
      await tx.account.update({
        where: { id: account.id },
        data: { pinFailedAttempts: next.failedAttempts, pinLockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil) },
      });
      const outcome = verified ? "VERIFIED" : "WRONG_PIN";
      await attempt(outcome);
      return { verified, outcome, attemptsLeft: attemptsLeft(next, now.getTime()), lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil) };
    };
    const result = await this.deps.withAccountLock(account.id, check, { columns: PIN_COLUMNS, field: "customerNumber" });
    if ("locked" in result) throw new PinLockedError(result.locked);
    return result;
  }

  private audit(tx: Tx, viewer: Viewer, accountId: string, outcome: SupportPinOutcome, at: Date) {
    return tx.supportPinAttempt.create({ data: { accountId, actor: actorOf(viewer), success: outcome === "VERIFIED", outcome, at } });
  }
}

/** `scrypt$N$r$p$salt$key`, base64: the parameters travel with the hash so they can be raised later. */
async function hash(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, KEY_LENGTH, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

async function matches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(pin, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return timingSafeEqual(actual, expected);
}
