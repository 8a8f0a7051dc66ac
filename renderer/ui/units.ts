/**
 * Units as a person reads them in the UI language. Products store their units as typed at HQ,
 * usually Chinese (个, 瓶, 箱); an English screen shows the English word. Metric symbols read the
 * same in both languages; a unit not known here shows as stored.
 */
import i18next from 'i18next';
import { singular } from '../../shared/ops/quantity';

/** Unit → English word; also what an English quantity field understands ("3 cases"). */
export const ENGLISH_UNIT_WORDS: Readonly<Record<string, string>> = {
  个: 'pcs',
  只: 'pcs',
  件: 'pcs',
  支: 'pcs',
  条: 'pcs',
  根: 'pcs',
  颗: 'pcs',
  粒: 'pcs',
  块: 'pieces',
  头: 'heads',
  瓶: 'bottles',
  盒: 'boxes',
  箱: 'cases',
  袋: 'bags',
  包: 'packs',
  提: 'packs',
  桶: 'tubs',
  罐: 'cans',
  听: 'cans',
  份: 'portions',
  张: 'sheets',
  卷: 'rolls',
  把: 'bunches',
  捆: 'bundles',
  板: 'trays',
  盘: 'trays',
  筐: 'baskets',
  打: 'dozen',
  双: 'pairs',
  套: 'sets',
  斤: 'jin',
  千克: 'kg',
  公斤: 'kg',
  克: 'g',
  升: 'L',
  毫升: 'ml',
};

/**
 * `language` defaults to the UI's current one, so formatting helpers need no extra argument;
 * `amount` 1 reads singular in English ("1 case").
 */
export function unitLabel(unit: string | undefined, language: string = i18next.language ?? 'zh-CN', amount?: number): string {
  if (unit === undefined) return '';
  if (language !== 'en') return unit;
  const word = ENGLISH_UNIT_WORDS[unit] ?? unit;
  return amount === 1 ? singular(word) : word;
}
