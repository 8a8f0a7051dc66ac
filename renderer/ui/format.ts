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

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A human document number: prefix, business date, this terminal's short code and a running
 * number kept per terminal, so two offline terminals of one site never print the same number.
 */
export function nextDocumentNumber(prefix: string, terminalId: string, businessDate = businessDateToday()): string {
  const day = businessDate.replaceAll('-', '');
  const key = `larder.docseq.${prefix}.${day}`;
  const next = Number(localStorage.getItem(key) ?? '0') + 1;
  localStorage.setItem(key, String(next));
  const terminalCode = terminalId
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(-4)
    .toUpperCase();
  return `${prefix}-${day}-${terminalCode}-${String(next).padStart(3, '0')}`;
}
