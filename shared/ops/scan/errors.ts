import { ValidationError } from '../../domain/errors';

/** What is wrong with a scanned code, for the screen to say it in the user's language. */
export type ScanProblem = 'empty' | 'check-digit' | 'length' | 'unknown-ai' | 'bad-value' | 'bad-date' | 'not-a-code' | 'no-gtin';

/** Every problem, for screens that translate each one. */
export const scanProblems: readonly ScanProblem[] = [
  'empty',
  'check-digit',
  'length',
  'unknown-ai',
  'bad-value',
  'bad-date',
  'not-a-code',
  'no-gtin',
];

/**
 * Why a code was not understood, as data: a key (the screens translate counts.scanReasons.<key>)
 * and the values the sentence names. The English sentence for logs and tests is made from it by
 * `scanReasonEnglish`, never the other way round.
 */
export type ScanReason =
  | { key: 'empty' | 'emptyGs1' | 'malformedAi' | 'notBarcode' | 'noGtin'; values: Record<string, never> }
  | { key: 'symbology'; values: { value: string } }
  | { key: 'checkDigit'; values: { name: string; code: string; expected: string } }
  | { key: 'digitCount'; values: { count: string; accepted: string } }
  | { key: 'unknownAi'; values: { ai: string } }
  | { key: 'aiLength' | 'aiTooLong'; values: { ai: string; length: string; got: string } }
  | { key: 'aiNoValue'; values: { ai: string } }
  | { key: 'aiDigits' | 'aiCharacters'; values: { ai: string; value: string } }
  | { key: 'aiPrefixDigits'; values: { ai: string; digits: string; value: string } }
  | { key: 'aiCheckDigit'; values: { ai: string; value: string; expected: string } }
  | { key: 'aiDate'; values: { ai: string; value: string } };

export type ScanReasonKey = ScanReason['key'];

/** Every key, for the test that each one reads in both languages. */
export const scanReasonKeys: readonly ScanReasonKey[] = [
  'empty',
  'emptyGs1',
  'malformedAi',
  'notBarcode',
  'noGtin',
  'symbology',
  'checkDigit',
  'digitCount',
  'unknownAi',
  'aiLength',
  'aiTooLong',
  'aiNoValue',
  'aiDigits',
  'aiCharacters',
  'aiPrefixDigits',
  'aiCheckDigit',
  'aiDate',
];

/** The reason in English, as logs and messages print it. */
export function scanReasonEnglish(reason: ScanReason): string {
  switch (reason.key) {
    case 'empty':
      return 'empty scan';
    case 'emptyGs1':
      return 'empty GS1 element string';
    case 'malformedAi':
      return 'malformed (AI) element string';
    case 'notBarcode':
      return 'not a retail barcode or GS1 element string';
    case 'noGtin':
      return 'GS1 code without a GTIN (01)';
    case 'symbology':
      return `${reason.values.value} is not a GS1 or retail barcode`;
    case 'checkDigit':
      return `${reason.values.name} ${reason.values.code} has a wrong check digit (expected ${reason.values.expected})`;
    case 'digitCount':
      return `${reason.values.count} digits is no ${reason.values.accepted}`;
    case 'unknownAi':
      return `unknown GS1 application identifier "${reason.values.ai}"`;
    case 'aiLength':
      return `AI (${reason.values.ai}) needs ${reason.values.length} characters, got ${reason.values.got}`;
    case 'aiTooLong':
      return `AI (${reason.values.ai}) is at most ${reason.values.length} characters, got ${reason.values.got} (missing FNC1/GS separator?)`;
    case 'aiNoValue':
      return `AI (${reason.values.ai}) has no value`;
    case 'aiDigits':
      return `AI (${reason.values.ai}) must be digits, got "${reason.values.value}"`;
    case 'aiCharacters':
      return `AI (${reason.values.ai}) has a character outside GS1 set 82: "${reason.values.value}"`;
    case 'aiPrefixDigits':
      return `AI (${reason.values.ai}) must start with ${reason.values.digits} digits, got "${reason.values.value}"`;
    case 'aiCheckDigit':
      return `AI (${reason.values.ai}) ${reason.values.value} has a wrong check digit (expected ${reason.values.expected})`;
    case 'aiDate':
      return `AI (${reason.values.ai}) ${reason.values.value} is not a valid YYMMDD date`;
  }
}

/**
 * A scanned code that is no valid barcode (wrong check digit, unknown AI, a field of the wrong
 * length …). It names the code as read, so a clerk can compare it with the label.
 */
export class BadScanError extends ValidationError {
  /** The reason in English (logs, tests); screens translate `reason` instead. */
  readonly detail: string;
  constructor(
    readonly scanned: string,
    readonly problem: ScanProblem,
    readonly reason: ScanReason,
  ) {
    const detail = scanReasonEnglish(reason);
    super('scan', `${detail} (scanned "${printable(scanned)}")`);
    this.detail = detail;
    this.name = 'BadScanError';
  }
}

/** The code with its invisible FNC1/GS shown, as scanner manuals print it. */
export function printable(code: string): string {
  return code.split('\u001d').join('<GS>');
}
