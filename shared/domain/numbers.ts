/** Quantities are floats in base units; differences below this are rounding noise. */
export const QTY_EPSILON = 1e-9;

/** Round a money amount to cents, half away from zero. */
export function roundMoney(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7);
  return (Math.sign(amount) * cents) / 100 || 0;
}

/** Round a quantity to remove float noise from sums of base-unit quantities. */
export function roundQty(qty: number): number {
  return Math.round(qty * 1e6) / 1e6 || 0;
}
