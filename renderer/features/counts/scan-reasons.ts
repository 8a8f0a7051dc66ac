/**
 * Why a scan was not understood, in the user's language: shared/ops/scan/ gives the reason as a
 * key and the values it names (ScanReason), translated here under counts.scanReasons.
 */
import type { TFunction } from 'i18next';
import type { ScanReason } from '../../../shared/ops/scan/errors';

export function scanReasonText(reason: ScanReason, t: TFunction): string {
  return t(`counts.scanReasons.${reason.key}`, { ...reason.values, interpolation: { escapeValue: false } });
}
