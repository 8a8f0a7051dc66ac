/** GS1 check digits and GTIN forms, shared by retail codes, element strings and scale labels. */

/** GS1 check digit (mod 10, weights 3/1 from the right) of the digits before it, any length. */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** GTIN of any length as 14 digits, or undefined when it is not a GTIN-8/12/13/14. */
export function toGtin14(code: string): string | undefined {
  return /^(\d{8}|\d{12,14})$/.test(code) ? code.padStart(14, '0') : undefined;
}
