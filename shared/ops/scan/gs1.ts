/**
 * GS1 element strings (GS1-128, GS1 DataBar Expanded, GS1 DataMatrix, GS1 QR, and the
 * human-readable `(01)…(10)…` form): splitting into AI/value pairs, checking each value against
 * its AI's format, reading the fields a shop uses, and writing element strings back (labels, tests).
 */
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
import { BadScanError, type ScanReason } from './errors';
import { hasPredefinedLength, isSet82, matchAi, type AiRule } from './gs1-ai';

/** FNC1 as a scanner transmits it inside an element string (ASCII 29, group separator). */
export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
}

/** 1 lb = 0.45359237 kg exactly (international yard and pound, 1959). */
export const KG_PER_POUND = 0.45359237;

export interface NetWeight {
  /** The value as encoded, decimals applied. */
  value: number;
  /** (310n) kilograms, (320n) pounds. */
  unit: 'kg' | 'lb';
}

export interface Gs1Fields {
  gtin14?: string;
  lot?: string;
  serial?: string;
  /** (17) expiration date; day 00 means the last day of the month. */
  expiryDate?: string;
  /** (15) best before date; day 00 means the last day of the month. */
  bestBeforeDate?: string;
  /** (16) sell by date; day 00 means the last day of the month. */
  sellByDate?: string;
  /** (11) production date. */
  productionDate?: string;
  /** (13) packaging date. */
  packagingDate?: string;
  /** (30) variable count of the trade item. */
  variableCount?: number;
  /** (37) count of trade items contained in a logistic unit. */
  itemCount?: number;
  /** (310n) or (320n) net weight as encoded. */
  netWeight?: NetWeight;
  /** The net weight in kilograms, whichever unit it was encoded in. */
  netWeightKg?: number;
}

/**
 * YYMMDD to `YYYY-MM-DD`. The century follows GS1 General Specifications 7.12 when a reference
 * year is given (a year more than 50 ahead of it belongs to the previous century, more than 49
 * behind it to the next); without one, 20YY — shared/ reads no clock. Day 00 is the last day of
 * the month when `dayZero` says so (AIs 12, 15, 16, 17), the first day otherwise (AIs 11, 13: the
 * specification defines no day, and the earlier day never makes an expiry computed from a
 * production date later than the truth).
 */
export function yymmddToDate(value: string, options: { referenceYear?: number; dayZero?: 'last' | 'first' } = {}): string | undefined {
  const match = /^(\d\d)(\d\d)(\d\d)$/.exec(value);
  if (!match) return undefined;
  const yy = Number(match[1]);
  const year = options.referenceYear === undefined ? 2000 + yy : centuryOf(yy, options.referenceYear);
  const month = Number(match[2]);
  let day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = (options.dayZero ?? 'last') === 'last' ? lastDay : 1;
  if (day > lastDay) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function centuryOf(yy: number, referenceYear: number): number {
  const currentCentury = Math.floor(referenceYear / 100) * 100;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return currentCentury - 100 + yy;
  if (difference <= -50) return currentCentury + 100 + yy;
  return currentCentury + yy;
}

/** Checks one value against its AI's rule; throws BadScanError naming the AI and the code. */
function checkValue(scanned: string, ai: string, value: string, rule: AiRule): void {
  const bad = (problem: 'bad-value' | 'check-digit' | 'bad-date' | 'length', reason: ScanReason) =>
    new BadScanError(scanned, problem, reason);
  if (value.length === 0) throw bad('length', { key: 'aiNoValue', values: { ai } });
  if (rule.fixed !== undefined ? value.length !== rule.fixed : value.length > rule.maxLength) {
    const length = String(rule.fixed ?? rule.maxLength);
    throw bad('length', { key: rule.fixed !== undefined ? 'aiLength' : 'aiTooLong', values: { ai, length, got: String(value.length) } });
  }
  if (rule.numeric && !/^\d+$/.test(value)) throw bad('bad-value', { key: 'aiDigits', values: { ai, value } });
  if (!rule.numeric && !isSet82(value)) throw bad('bad-value', { key: 'aiCharacters', values: { ai, value } });
  if (rule.numericPrefix !== undefined && !new RegExp(`^\\d{${rule.numericPrefix}}`).test(value))
    throw bad('bad-value', { key: 'aiPrefixDigits', values: { ai, digits: String(rule.numericPrefix), value } });
  if (rule.checkDigit && !hasValidCheckDigit(value))
    throw bad('check-digit', { key: 'aiCheckDigit', values: { ai, value, expected: String(gs1CheckDigit(value.slice(0, -1))) } });
  if (rule.date && yymmddToDate(value) === undefined) throw bad('bad-date', { key: 'aiDate', values: { ai, value } });
}

/** Splits an element string (FNC1 sent as GS) into AI/value pairs; throws BadScanError. */
export function splitElementString(data: string, scanned: string = data): Gs1Element[] {
  const elements: Gs1Element[] = [];
  let rest = data.startsWith(GS) ? data.slice(1) : data;
  while (rest.length > 0) {
    const match = matchAi(rest);
    if (!match) throw new BadScanError(scanned, 'unknown-ai', { key: 'unknownAi', values: { ai: rest.slice(0, 4) } });
    const afterAi = rest.slice(match.ai.length);
    let value: string;
    if (match.rule.fixed !== undefined) {
      value = afterAi.slice(0, match.rule.fixed);
      rest = afterAi.slice(match.rule.fixed);
      // Fixed-length fields are read by length; an FNC1 after one is redundant but harmless.
      if (rest.startsWith(GS)) rest = rest.slice(1);
    } else {
      const end = afterAi.indexOf(GS);
      value = end < 0 ? afterAi : afterAi.slice(0, end);
      rest = end < 0 ? '' : afterAi.slice(end + 1);
    }
    checkValue(scanned, match.ai, value, match.rule);
    elements.push({ ai: match.ai, value });
  }
  if (elements.length === 0) throw new BadScanError(scanned, 'not-a-code', { key: 'emptyGs1', values: {} });
  return elements;
}

/** Splits the human-readable form `(01)…(10)…`; throws BadScanError. */
export function splitParenthesised(data: string): Gs1Element[] {
  const elements: Gs1Element[] = [];
  const pattern = /\((\d{2,4})\)([^(]*)/gy;
  let consumed = 0;
  for (let match = pattern.exec(data); match; match = pattern.exec(data)) {
    const ai = match[1] as string;
    const value = (match[2] as string).trim();
    consumed = pattern.lastIndex;
    const aiMatch = matchAi(ai);
    if (!aiMatch || aiMatch.ai !== ai) throw new BadScanError(data, 'unknown-ai', { key: 'unknownAi', values: { ai } });
    checkValue(data, ai, value, aiMatch.rule);
    elements.push({ ai, value });
  }
  if (consumed !== data.length || elements.length === 0) throw new BadScanError(data, 'not-a-code', { key: 'malformedAi', values: {} });
  return elements;
}

/**
 * The element string a printer encodes: FNC1 (as GS) after every variable-length field and
 * every field whose AI has no predefined length, except the last.
 */
export function encodeElementString(elements: readonly Gs1Element[]): string {
  return elements
    .map(({ ai, value }, index) => {
      const last = index === elements.length - 1;
      return `${ai}${value}${last || hasPredefinedLength(ai) ? '' : GS}`;
    })
    .join('');
}

export function toHumanReadable(elements: readonly Gs1Element[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value}`).join('');
}

/** The fields a shop reads from the elements; the last occurrence of an AI wins. */
export function gs1Fields(elements: readonly Gs1Element[], referenceYear?: number): Gs1Fields {
  const fields: Gs1Fields = {};
  const asDate = (value: string, dayZero: 'last' | 'first') =>
    yymmddToDate(value, { dayZero, ...(referenceYear === undefined ? {} : { referenceYear }) });
  for (const { ai, value } of elements) {
    if (ai === '01' || ai === '02') fields.gtin14 = value;
    else if (ai === '10') fields.lot = value;
    else if (ai === '21') fields.serial = value;
    else if (ai === '17') fields.expiryDate = asDate(value, 'last');
    else if (ai === '15') fields.bestBeforeDate = asDate(value, 'last');
    else if (ai === '16') fields.sellByDate = asDate(value, 'last');
    else if (ai === '11') fields.productionDate = asDate(value, 'first');
    else if (ai === '13') fields.packagingDate = asDate(value, 'first');
    else if (ai === '30') fields.variableCount = Number(value);
    else if (ai === '37') fields.itemCount = Number(value);
    else if (ai.startsWith('310') || ai.startsWith('320')) {
      const weight: NetWeight = { value: withDecimals(value, Number(ai[3])), unit: ai.startsWith('310') ? 'kg' : 'lb' };
      fields.netWeight = weight;
      fields.netWeightKg = weight.unit === 'kg' ? weight.value : weight.value * KG_PER_POUND;
    }
  }
  return fields;
}

/** `001250` with 3 decimals is 1.25: parsed from the digits, so no binary error creeps in. */
function withDecimals(digits: string, decimals: number): number {
  if (decimals === 0) return Number(digits);
  const padded = digits.padStart(decimals + 1, '0');
  return Number(`${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`);
}
