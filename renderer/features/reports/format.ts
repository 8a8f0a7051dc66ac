/** Ratios as percentages; null (zero denominator) as a dash, never as 0 %. */
export function percent(value: number | null, none = '—'): string {
  return value === null ? none : `${(value * 100).toFixed(1)}%`;
}

export function oneDecimal(value: number | null, none = '—'): string {
  return value === null ? none : value.toFixed(1);
}
