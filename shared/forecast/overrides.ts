// Human overrides of forecast suggestions: one audit event per line where the person changed the
// suggested quantity, read back by the backtest and the override history.
import type { EventDoc } from '../schemas';

export interface ConfirmedLine {
  readonly productId: string;
  readonly suggestedQty: number;
  readonly confirmedQty: number;
}

export const FORECAST_OVERRIDE = 'forecast-override';

export interface OverrideContext {
  readonly siteId: string;
  readonly terminalId: string;
  readonly at: string;
  readonly docType: 'store-request' | 'purchase-order';
  readonly docId: string;
  readonly docNumber: string;
}

/**
 * One audit event per line where the person changed the suggestion, with both quantities, so the
 * backtest can score human overrides against the model. The schema has no `forecast-override`
 * event kind, so these are `audit` events with `data.type = 'forecast-override'`.
 */
export function overrideEvents(lines: readonly ConfirmedLine[], context: OverrideContext, newEventId: () => string): EventDoc[] {
  return lines
    .filter((line) => Math.abs(line.confirmedQty - line.suggestedQty) > 1e-9)
    .map((line) => ({
      id: newEventId(),
      siteId: context.siteId,
      kind: 'audit',
      severity: 'info',
      at: context.at,
      docType: context.docType,
      docId: context.docId,
      productId: line.productId,
      message: `forecast suggestion ${line.suggestedQty} changed to ${line.confirmedQty} on ${context.docNumber}`,
      data: { type: FORECAST_OVERRIDE, suggestedQty: line.suggestedQty, confirmedQty: line.confirmedQty, docNumber: context.docNumber },
      terminalId: context.terminalId,
      updatedAt: context.at,
    }));
}

export interface OverrideRecord {
  readonly id: string;
  readonly at: string;
  readonly siteId: string;
  readonly productId: string;
  readonly suggestedQty: number;
  readonly confirmedQty: number;
  readonly docNumber: string;
}

/** Override events of the site back as rows, newest first; other audit events are skipped. */
export function overrideRecords(events: readonly EventDoc[]): OverrideRecord[] {
  const rows: OverrideRecord[] = [];
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    if (
      data.type !== FORECAST_OVERRIDE ||
      typeof data.suggestedQty !== 'number' ||
      typeof data.confirmedQty !== 'number' ||
      !event.productId
    )
      continue;
    rows.push({
      id: event.id,
      at: event.at,
      siteId: event.siteId,
      productId: event.productId,
      suggestedQty: data.suggestedQty,
      confirmedQty: data.confirmedQty,
      docNumber: typeof data.docNumber === 'string' ? data.docNumber : '',
    });
  }
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
