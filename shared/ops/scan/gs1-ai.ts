/**
 * The GS1 application identifiers a food shop meets, with their formats as the GS1 General
 * Specifications (section 3, and the predefined-length table of 7.8.5) give them. AIs are
 * prefix-free, so the first 2, 3 or 4 digits of an element string name exactly one AI.
 */

export interface AiRule {
  /** Fixed data length, or undefined for variable length up to `maxLength`. */
  fixed?: number;
  maxLength: number;
  /** Digits only (N), or the 82 characters of GS1 set 82 (X). */
  numeric: boolean;
  /** Leading characters that must be digits even in an X field (`N3+X..9`). */
  numericPrefix?: number;
  /** The value ends with a GS1 check digit (SSCC, GTIN, GLN …). */
  checkDigit?: boolean;
  /** YYMMDD date. */
  date?: boolean;
  /** The AI's last digit is the number of decimals, at most this many. */
  maxDecimals?: number;
}

const fixedN = (length: number, extra: Partial<AiRule> = {}): AiRule => ({ fixed: length, maxLength: length, numeric: true, ...extra });
const varN = (maxLength: number, extra: Partial<AiRule> = {}): AiRule => ({ maxLength, numeric: true, ...extra });
const varX = (maxLength: number, extra: Partial<AiRule> = {}): AiRule => ({ maxLength, numeric: false, ...extra });
const date = fixedN(6, { date: true });

/** Two- and three-digit AIs, and four-digit AIs without a decimal indicator. */
const plainAis: Readonly<Record<string, AiRule>> = {
  '00': fixedN(18, { checkDigit: true }),
  '01': fixedN(14, { checkDigit: true }),
  '02': fixedN(14, { checkDigit: true }),
  '10': varX(20),
  '11': date,
  '12': date,
  '13': date,
  '15': date,
  '16': date,
  '17': date,
  '20': fixedN(2),
  '21': varX(20),
  '22': varX(20),
  '235': varX(28),
  '240': varX(30),
  '241': varX(30),
  '242': varN(6),
  '243': varX(20),
  '250': varX(30),
  '251': varX(30),
  '253': varX(30, { numericPrefix: 13 }),
  '254': varX(20),
  '30': varN(8),
  '37': varN(8),
  '400': varX(30),
  '401': varX(30),
  '402': fixedN(17, { checkDigit: true }),
  '403': varX(30),
  '410': fixedN(13, { checkDigit: true }),
  '411': fixedN(13, { checkDigit: true }),
  '412': fixedN(13, { checkDigit: true }),
  '413': fixedN(13, { checkDigit: true }),
  '414': fixedN(13, { checkDigit: true }),
  '415': fixedN(13, { checkDigit: true }),
  '416': fixedN(13, { checkDigit: true }),
  '417': fixedN(13, { checkDigit: true }),
  '420': varX(20),
  '421': varX(12, { numericPrefix: 3 }),
  '422': fixedN(3),
  '423': varN(15),
  '424': fixedN(3),
  '425': varN(15),
  '426': fixedN(3),
  '7003': fixedN(10),
  '7006': date,
  '7007': varN(12),
  '8005': fixedN(6),
  '8008': varN(12),
  '90': varX(30),
};

/** 3-digit stems of the measure AIs 310n–369n (N6, n decimals 0–5), per the GS1 AI table. */
const measureStems = new Set<string>([
  ...['310', '311', '312', '313', '314', '315', '316'],
  ...Array.from({ length: 18 }, (_, i) => String(320 + i)), // 320–337
  ...Array.from({ length: 18 }, (_, i) => String(340 + i)), // 340–357
  ...Array.from({ length: 10 }, (_, i) => String(360 + i)), // 360–369
]);

/** Amount AIs 390n–395n. */
const amountStems: Readonly<Record<string, AiRule>> = {
  '390': varN(15, { maxDecimals: 9 }),
  '391': varN(18, { numericPrefix: 3, maxDecimals: 9 }),
  '392': varN(15, { maxDecimals: 9 }),
  '393': varN(18, { numericPrefix: 3, maxDecimals: 9 }),
  '394': fixedN(4, { maxDecimals: 3 }),
  '395': fixedN(6, { maxDecimals: 5 }),
};

/**
 * Two-digit prefixes whose AIs have a predefined length (GS1 General Specifications, figure
 * 7.8.5-2): no FNC1 separator follows them. Every other AI, even of fixed length (402, 422,
 * 7003, 8005 …), ends with FNC1 unless it is last.
 */
const predefinedLengthPrefixes = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

export function hasPredefinedLength(ai: string): boolean {
  return predefinedLengthPrefixes.has(ai.slice(0, 2));
}

/** The AI at the start of `text` and its rule, or undefined when no known AI starts it. */
export function matchAi(text: string): { ai: string; rule: AiRule } | undefined {
  const stem = text.slice(0, 3);
  const decimals = text[3];
  if (decimals !== undefined && /^\d$/.test(decimals)) {
    if (measureStems.has(stem) && Number(decimals) <= 5) return { ai: text.slice(0, 4), rule: fixedN(6, { maxDecimals: 5 }) };
    const amount = amountStems[stem];
    if (amount && Number(decimals) <= (amount.maxDecimals ?? 0)) return { ai: text.slice(0, 4), rule: amount };
  }
  for (const length of [2, 3, 4]) {
    const ai = text.slice(0, length);
    const rule = plainAis[ai];
    if (rule && ai.length === length) return { ai, rule };
  }
  // 91–99: company internal information, X..90.
  if (/^9[1-9]/.test(text)) return { ai: text.slice(0, 2), rule: varX(90) };
  return undefined;
}

/** GS1 AI encodable character set 82 (`!"%&'()*+,-./0-9:;<=>?A-Z_a-z`). */
const set82 = /^[!"%-?A-Z_a-z]*$/;

export function isSet82(value: string): boolean {
  return set82.test(value);
}
