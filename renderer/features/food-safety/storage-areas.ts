/**
 * Storage areas per site. There is no collection for them (shared/ops/food-safety.ts), so every
 * kitchen and store gets the three areas a food-safety officer logs: the fridge (chilled stock),
 * the freezer (frozen stock) and the hot-holding cabinet (cooked food, no stocked batches).
 */
import type { AreaClass, StorageArea, TemperatureRange } from '../../../shared/ops';

export type AreaKey = 'fridge' | 'freezer' | 'hot-holding';

export const areaKeys: readonly AreaKey[] = ['fridge', 'freezer', 'hot-holding'];

const classOfArea: Record<AreaKey, AreaClass> = { fridge: 'chilled', freezer: 'frozen', 'hot-holding': 'hot-holding' };

export function storageArea(siteId: string, key: AreaKey, name: string): StorageArea {
  return { id: `${siteId}/${key}`, siteId, name, areaClass: classOfArea[key] };
}

export function areaKeyOf(areaId: string): AreaKey | undefined {
  const key = areaId.slice(areaId.lastIndexOf('/') + 1);
  return (areaKeys as readonly string[]).includes(key) ? (key as AreaKey) : undefined;
}

/** "0 – 4 °C", "≤ -18 °C", "≥ 60 °C", or null when the area has no limit. */
export function rangeText(range: TemperatureRange): string | null {
  if (range.minC !== undefined && range.maxC !== undefined) return `${range.minC} – ${range.maxC} °C`;
  if (range.maxC !== undefined) return `≤ ${range.maxC} °C`;
  if (range.minC !== undefined) return `≥ ${range.minC} °C`;
  return null;
}

/**
 * A thermometer reading as typed: accepts a comma decimal and a typographic minus (Chinese IMEs
 * produce both); null when it is not a plausible food-storage temperature.
 */
export function parseCelsius(text: string): number | null {
  const normalized = text
    .trim()
    .replace(',', '.')
    .replace(/[−–—]/g, '-')
    .replace(/\s*°?\s*c$/i, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value >= -60 && value <= 150 ? value : null;
}
