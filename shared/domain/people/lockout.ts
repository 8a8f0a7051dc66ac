// Five wrong PINs lock an account on that terminal for five minutes (issue 15). Pure: the terminal
// keeps the record (renderer/state/sign-in-store.ts persists it, so a restart does not reset it).

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

export interface PinAttempts {
  /** Wrong PINs since the last success or lock-out. */
  wrong: number;
  /** Epoch ms until which the account is locked here; 0 when it is not. */
  lockedUntil: number;
}

export const noAttempts: PinAttempts = { wrong: 0, lockedUntil: 0 };

/** Milliseconds left of a lock-out at `now`, 0 when the account may try. */
export function lockedFor(attempts: PinAttempts, now: number): number {
  return Math.max(0, attempts.lockedUntil - now);
}

/** The record after one more wrong PIN: the fifth locks the account. */
export function afterWrongPin(attempts: PinAttempts, now: number): PinAttempts {
  // A lock-out that has run out starts the count again.
  const wrong = (attempts.lockedUntil > 0 ? 0 : attempts.wrong) + 1;
  return wrong >= MAX_WRONG_PINS ? { wrong: 0, lockedUntil: now + LOCKOUT_MS } : { wrong, lockedUntil: 0 };
}
