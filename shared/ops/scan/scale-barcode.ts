/**
 * In-store barcodes printed by electronic label scales (条码秤: 大华 Dahua, 顶尖 Aclas, 寺冈
 * Teraoka …). They use GS1 restricted-circulation prefix 2: a flag (店内码标识, often 2x where x
 * tells weighed from counted), the scale PLU (货号), the weight in grams and/or the amount in fen,
 * and a GS1 check digit. Each store sets its scales' layout, so the layout is per site
 * (`sites.scaleBarcodeLayouts`); the common ones are built in.
 *
 * A layout is a pattern, one letter per digit:
 *   0–9 that digit (the flag), F any flag digit, P PLU, W weight in grams (kg, 3 decimals),
 *   M amount in fen (yuan, 2 decimals), C the GS1 check digit of all digits before it.
 */
import { gs1CheckDigit } from './check-digit';
import { BadScanError } from './errors';

export interface ScaleLayoutPreset {
  pattern: string;
  zh: string;
  en: string;
}

/** The layouts Chinese label scales print out of the box or most often are set to. */
export const scaleLayoutPresets: readonly ScaleLayoutPreset[] = [
  {
    pattern: '2FPPPPPMMMMMC',
    zh: '13位：2位标识 + 5位货号 + 5位金额(分) + 校验',
    en: '13 digits: 2-digit flag + 5-digit PLU + 5-digit amount (fen) + check',
  },
  {
    pattern: '2FPPPPPWWWWWC',
    zh: '13位：2位标识 + 5位货号 + 5位重量(克) + 校验',
    en: '13 digits: 2-digit flag + 5-digit PLU + 5-digit weight (g) + check',
  },
  {
    pattern: '2PPPPPPMMMMMC',
    zh: '13位：标识2 + 6位货号 + 5位金额(分) + 校验',
    en: '13 digits: flag 2 + 6-digit PLU + 5-digit amount (fen) + check',
  },
  {
    pattern: '2PPPPPPWWWWWC',
    zh: '13位：标识2 + 6位货号 + 5位重量(克) + 校验',
    en: '13 digits: flag 2 + 6-digit PLU + 5-digit weight (g) + check',
  },
  {
    pattern: '2FPPPPPMMMMMWWWWWC',
    zh: '18位：2位标识 + 5位货号 + 5位金额 + 5位重量 + 校验',
    en: '18 digits: 2-digit flag + 5-digit PLU + amount + weight + check',
  },
  {
    pattern: '2FPPPPPWWWWWMMMMMC',
    zh: '18位：2位标识 + 5位货号 + 5位重量 + 5位金额 + 校验',
    en: '18 digits: 2-digit flag + 5-digit PLU + weight + amount + check',
  },
];

/**
 * A store that has set nothing: the amount label the scales print by default (13 digits, 2x +
 * 5-digit PLU + amount), and the 18-digit label with both amount and weight.
 */
export const defaultScaleLayouts: readonly string[] = ['2FPPPPPMMMMMC', '2FPPPPPMMMMMWWWWWC'];

export interface ScaleBarcode {
  /** The digits as scanned. */
  code: string;
  /** The layout that read it. */
  layout: string;
  /** The scale PLU (货号) as printed, leading zeros kept. */
  plu: string;
  /** Net weight in kilograms (W digits are grams). */
  weightKg?: number;
  /** Amount in yuan (M digits are fen). */
  amount?: number;
}

/** Why a layout pattern is unusable, or null when it is fine. */
export function scaleLayoutProblem(pattern: string): string | null {
  if (!/^[0-9FPWMC]{8,32}$/.test(pattern)) return `layout "${pattern}" may hold only digits and F, P, W, M, C, 8 to 32 of them`;
  if (!/^[0-9F]*P+(W+M*|M+W*)C?$/.test(pattern))
    return `layout "${pattern}" must be flag digits, the PLU, the weight and/or the amount, then an optional check digit`;
  return null;
}

function run(pattern: string, letter: string): { start: number; end: number } | undefined {
  const start = pattern.indexOf(letter);
  return start < 0 ? undefined : { start, end: pattern.lastIndexOf(letter) + 1 };
}

function fitsLiterals(code: string, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const letter = pattern[i] as string;
    if (/\d/.test(letter) && code[i] !== letter) return false;
  }
  return true;
}

/**
 * Reads `code` by the first layout whose length and flag digits fit; undefined when none does (the
 * code is then an ordinary retail code). A code that fits a layout but fails its check digit
 * throws BadScanError naming the code.
 */
export function parseScaleBarcode(code: string, layouts: readonly string[]): ScaleBarcode | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const layout = layouts.find(
    (pattern) => pattern.length === code.length && scaleLayoutProblem(pattern) === null && fitsLiterals(code, pattern),
  );
  if (layout === undefined) return undefined;
  if (layout.endsWith('C')) {
    const expected = gs1CheckDigit(code.slice(0, -1));
    if (Number(code[code.length - 1]) !== expected)
      throw new BadScanError(code, 'check-digit', {
        key: 'checkDigit',
        values: { name: 'scale barcode', code, expected: String(expected) },
      });
  }
  const field = (letter: string) => {
    const span = run(layout, letter);
    return span ? code.slice(span.start, span.end) : undefined;
  };
  const weight = field('W');
  const amount = field('M');
  return {
    code,
    layout,
    plu: field('P') as string,
    ...(weight === undefined ? {} : { weightKg: Number(weight) / 1000 }),
    ...(amount === undefined ? {} : { amount: Number(amount) / 100 }),
  };
}

export interface ScaleLabel {
  plu: string;
  weightGrams?: number;
  amountFen?: number;
  /** Digits for the F positions, left to right (default 0s). */
  flag?: string;
}

/** Prints a label's digits by a layout (tests, label printing); throws RangeError when a field does not fit. */
export function encodeScaleBarcode(layout: string, label: ScaleLabel): string {
  const problem = scaleLayoutProblem(layout);
  if (problem !== null) throw new RangeError(problem);
  const fill = (letter: string, value: string | undefined, name: string): string => {
    const span = run(layout, letter);
    if (!span) return '';
    const width = span.end - span.start;
    if (value === undefined || !/^\d+$/.test(value) || value.length > width)
      throw new RangeError(`${name} "${value ?? ''}" does not fit ${width} digits of ${layout}`);
    return value.padStart(width, '0');
  };
  const fields: Record<string, string> = {
    P: fill('P', label.plu, 'PLU'),
    W: fill('W', label.weightGrams === undefined ? undefined : String(label.weightGrams), 'weight'),
    M: fill('M', label.amountFen === undefined ? undefined : String(label.amountFen), 'amount'),
    F: (label.flag ?? '').padEnd(layout.split('F').length - 1, '0'),
  };
  const taken: Record<string, number> = { P: 0, W: 0, M: 0, F: 0 };
  let digits = '';
  for (const letter of layout) {
    if (letter === 'C') digits += String(gs1CheckDigit(digits));
    else if (/\d/.test(letter)) digits += letter;
    else digits += (fields[letter] as string)[taken[letter]!++];
  }
  return digits;
}
