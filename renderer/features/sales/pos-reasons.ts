/**
 * Row problems from `previewPosImport` come in English; this puts the known ones into the user's
 * language (keys under sales.pos.reasons), keeping the offending value. Unknown texts pass through.
 */
const patterns: readonly (readonly [RegExp, string])[] = [
  [/^bad date: empty$/, 'dateEmpty'],
  [/^bad date: "(.*)"$/, 'dateBad'],
  [/^no product code or barcode$/, 'noCode'],
  [/^unknown product "(.*)"$/, 'unknownProduct'],
  [/^bad quantity: "(.*)"$/, 'qtyBad'],
  [/^bad quantity: (.*) \(only positive/, 'qtyNotPositive'],
  [/^bad amount: "(.*)"$/, 'amountBad'],
  [/^no sale price for "(.*)" on /, 'noPrice'],
];

export function posReasonKey(reason: string): { key: string; value: string } | null {
  for (const [pattern, key] of patterns) {
    const match = pattern.exec(reason);
    if (match) return { key: `sales.pos.reasons.${key}`, value: match[1] ?? '' };
  }
  return null;
}
