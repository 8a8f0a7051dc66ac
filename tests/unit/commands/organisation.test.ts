// HQ's site settings kept in the site document (scale layouts) and the fleet view's judgement of
// a terminal: silent for over a day, never connected, or holding refused records.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain';
import type { FleetTerminal } from '../../../shared/protocol/admin';
import type { SiteDoc } from '../../../shared/schemas';
import { fleetHealth, fleetSummary, needsAttention, SILENT_AFTER_MS } from '../../../renderer/features/organisation/fleet-health';
import { AT, run, stampFor } from './harness';

const store: SiteDoc = {
  id: 'store-a',
  code: 'store-a',
  name: '人民路店',
  kind: 'store',
  timeZone: 'Asia/Shanghai',
  scaleBarcodeLayouts: ['2FPPPPPMMMMMC'],
  active: true,
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const hq = { stamp: stampFor({ siteId: 'hq', siteKind: 'hq' }) };

describe('site.scale-layouts', () => {
  it('saves the layouts HQ chose, in order and once each, and keeps the rest of the site', () => {
    const { writes } = run('site.scale-layouts', { site: store, layouts: ['2FPPPPPWWWWWC', ' 2FPPPPPMMMMMC', '2FPPPPPWWWWWC'] }, hq);
    expect(writes?.sites).toEqual([{ ...store, scaleBarcodeLayouts: ['2FPPPPPWWWWWC', '2FPPPPPMMMMMC'], updatedAt: AT }]);
  });

  it('goes back to the built-in layouts when none is chosen (the field is removed)', () => {
    const saved = run('site.scale-layouts', { site: store, layouts: [] }, hq).writes?.sites?.[0];
    expect(saved).toBeDefined();
    expect(saved && 'scaleBarcodeLayouts' in saved).toBe(false);
  });

  it('refuses a layout a scale cannot print, naming it, and any site terminal but HQ', () => {
    expect(() => run('site.scale-layouts', { site: store, layouts: ['2FPPPPPMMMMMC', 'XYZ'] }, hq)).toThrow(ValidationError);
    expect(() => run('site.scale-layouts', { site: store, layouts: ['2FPPPPPMMMMMC', 'XYZ'] }, hq)).toThrow(/scaleBarcodeLayouts\[1\]/);
    expect(() =>
      run('site.scale-layouts', { site: store, layouts: [] }, { stamp: stampFor({ siteId: 'store-a', siteKind: 'store' }) }),
    ).toThrow(ValidationError);
  });
});

const NOW = Date.parse('2026-12-07T12:00:00.000Z');
function terminal(over: Partial<FleetTerminal>): FleetTerminal {
  return {
    terminalId: 't',
    siteId: 'store-a',
    name: 'till',
    createdAt: '2026-12-01T00:00:00.000Z',
    revokedAt: null,
    lastSeenAt: new Date(NOW - 60_000).toISOString(),
    appVersion: '0.1.0',
    schemaVersions: { documents: 2 },
    pending: 0,
    refused: 0,
    statusAt: null,
    ...over,
  };
}

describe('fleet health', () => {
  it('flags a terminal silent for over a day, never connected, or with refused records', () => {
    const justSilent = terminal({ lastSeenAt: new Date(NOW - SILENT_AFTER_MS - 1000).toISOString() });
    const stillFine = terminal({ lastSeenAt: new Date(NOW - SILENT_AFTER_MS + 60_000).toISOString() });
    expect(fleetHealth(justSilent, NOW)).toBe('silent');
    expect(fleetHealth(stillFine, NOW)).toBe('ok');
    expect(fleetHealth(terminal({ lastSeenAt: null }), NOW)).toBe('never');
    expect(fleetHealth(terminal({ refused: 2 }), NOW)).toBe('refused');
    expect(fleetHealth(terminal({ revokedAt: AT, lastSeenAt: null }), NOW)).toBe('revoked');
    expect(
      [justSilent, stillFine, terminal({ refused: 2 }), terminal({ revokedAt: AT, refused: 3 })].map((row) => needsAttention(row, NOW)),
    ).toEqual([true, false, true, false]);
  });

  it('counts only terminals in service', () => {
    const rows = [terminal({ lastSeenAt: null }), terminal({ refused: 1 }), terminal({}), terminal({ revokedAt: AT, lastSeenAt: null })];
    expect(fleetSummary(rows, NOW)).toEqual({ total: 3, silent: 1, refused: 1 });
  });
});
