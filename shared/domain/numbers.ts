/**
 * Quantities are floats in base units, kept to six decimals (a milligram of a kg, a microlitre of
 * an l): every stored quantity is `roundQty` of what was entered or computed, and two quantities
 * are compared at that precision (`sameQty`), never a rounded one against an unrounded one within
 * 1e-9 — a 1.2345 kg receipt line was refused because its short was rounded to 3 decimals.
 */
export const QTY_DECIMALS = 6;
const QTY_SCALE = 10 ** QTY_DECIMALS;

/** Differences below this are float noise (not a rounding step): sums of stored quantities. */
export const QTY_EPSILON = 1e-9;

/** Round a money amount to cents, half away from zero. */
export function roundMoney(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7);
  return (Math.sign(amount) * cents) / 100 || 0;
}

/** A quantity at the kept precision (six decimals), half away from zero; never −0. */
export function roundQty(qty: number): number {
  // The 1e-7 nudge undoes float noise at a half step (0.2345 − 0.0000005 is stored as …4999…).
  const steps = Math.round(Math.abs(qty) * QTY_SCALE + 1e-7);
  return (Math.sign(qty) * steps) / QTY_SCALE || 0;
}

/** The same quantity at the kept precision: what stored sums and splits are checked with. */
export function sameQty(a: number, b: number): boolean {
  return roundQty(a - b) === 0;
}

/** Positive at the kept precision: a quantity that rounds to zero would post a zero movement. */
export function isPositiveQty(qty: number): boolean {
  return Number.isFinite(qty) && roundQty(qty) > 0;
}
