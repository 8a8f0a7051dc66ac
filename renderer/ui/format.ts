import { businessDateInZone, formatSiteDateTime, readSiteClock } from '../../shared/domain';
import { formatQuantity, parseQuantity, type ProductUnits } from '../../shared/ops/quantity';
import type { ProductDoc } from '../../shared/schemas';
import { siteTimeZoneNow } from '../state/site-clock-store';
import { ENGLISH_UNIT_WORDS, unitLabel } from './units';

/** The product's name in the UI language (zh-CN name first; English name when chosen and known). */
export function productLabel(product: Pick<ProductDoc, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && product.nameEn ? product.nameEn : product.name;
}

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A base-unit quantity in the product's units and the UI language ("2.5 kg", "3 箱 4 瓶", "3 cases 4 bottles"). */
export function formatQty(qty: number, product?: ProductUnits): string {
  return product
    ? formatQuantity(qty, product, { label: (unit, amount) => unitLabel(unit, undefined, amount) })
    : quantityFormat.format(qty);
}

/** What a quantity field holds, in base units; throws QuantityTextError (both languages' unit words understood). */
export function parseQty(text: string, product: ProductUnits): number {
  return parseQuantity(text, product, { aliases: ENGLISH_UNIT_WORDS });
}

export function formatMoney(value: number): string {
  return `¥${moneyFormat.format(value)}`;
}

/** Today's business date at this terminal's site, `YYYY-MM-DD` (the site's zone, not the computer's). */
export function businessDateToday(now = new Date()): string {
  return businessDateInZone(now, siteTimeZoneNow());
}

/** An instant as `YYYY-MM-DD HH:mm` on this terminal's site clock: every time a screen shows or prints. */
export function formatSiteTime(instant: string | Date | number): string {
  return formatSiteDateTime(instant, siteTimeZoneNow());
}

/** The site's business date of an instant, `YYYY-MM-DD` (never `toISOString().slice(0, 10)`: that is UTC's). */
export function formatSiteDate(instant: string | Date | number): string {
  return businessDateInZone(instant, siteTimeZoneNow());
}

/** The site's wall-clock time of an instant, `HH:mm:ss`. */
export function formatSiteTimeOfDay(instant: string | Date | number): string {
  return readSiteClock(instant, siteTimeZoneNow()).time;
}

/** A fresh id for a row the screen keeps in its own state (documents get theirs from commands). */
export function newId(): string {
  return crypto.randomUUID();
}
