import { ValidationError } from "../../../domain/errors.ts";

/** 004: chat and phone agents verify identity with a support PIN; guessing is limited. */
export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;
const PIN = /^\d{6}$/;

export interface PinState {
  failedAttempts: number;
  lockedUntil: number | null;
}

export function pinFormat(field: string, pin: string): string {
  if (!PIN.test(pin)) throw new ValidationError(field, `${field} must be the 6-digit support PIN`);
  return pin;
}

export const isLocked = (state: PinState, now: number): boolean => state.lockedUntil !== null && now < state.lockedUntil;

/** Failures counted towards the next lock; an expired lock starts the count afresh. */
const failuresSoFar = (state: PinState, now: number) => (state.lockedUntil !== null && now >= state.lockedUntil ? 0 : state.failedAttempts);

/** The state after a wrong PIN: the fifth failure in a row locks verification for 15 minutes. */
export function afterFailure(state: PinState, now: number): PinState {
  const failedAttempts = failuresSoFar(state, now) + 1;
  return failedAttempts >= PIN_MAX_FAILURES ? { failedAttempts, lockedUntil: now + PIN_LOCK_MS } : { failedAttempts, lockedUntil: null };
}

export const afterSuccess = (): PinState => ({ failedAttempts: 0, lockedUntil: null });

export const attemptsLeft = (state: PinState, now: number): number => (isLocked(state, now) ? 0 : PIN_MAX_FAILURES - failuresSoFar(state, now));
