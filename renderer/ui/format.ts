import { businessDateInZone } from '../../shared/domain';
import type { ProductDoc } from '../../shared/schemas';
import { siteTimeZoneNow } from '../state/site-clock-store';

/** The product's name in the UI language (zh-CN name first; English name when chosen and known). */
export function productLabel(product: Pick<ProductDoc, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && product.nameEn ? product.nameEn : product.name;
}

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatQty(qty: number, product?: Pick<ProductDoc, 'baseUnit'>): string {
  return product ? `${quantityFormat.format(qty)} ${product.baseUnit}` : quantityFormat.format(qty);
}

export function formatMoney(value: number): string {
  return `¥${moneyFormat.format(value)}`;
}

/** Today's business date at this terminal's site, `YYYY-MM-DD` (the site's zone, not the computer's). */
export function businessDateToday(now = new Date()): string {
  return businessDateInZone(now, siteTimeZoneNow());
}

/** A fresh id for a row the screen keeps in its own state (documents get theirs from commands). */
export function newId(): string {
  return crypto.randomUUID();
}
