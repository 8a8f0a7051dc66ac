/** EAN-13 helpers: demo barcodes must scan, so every code carries a valid check digit. */

/** The check digit of the first 12 digits (weights 1, 3, 1, 3 … from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`EAN-13 needs 12 digits before the check digit: ${first12}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/**
 * A code in China's GS1 range (690–699): a 7-digit company prefix (e.g. `6923456`, one per
 * supplier) and a 5-digit item reference, then the check digit.
 */
export function makeEan13(companyPrefix: string, itemReference: number): string {
  const first12 = `${companyPrefix}${String(itemReference).padStart(12 - companyPrefix.length, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}
