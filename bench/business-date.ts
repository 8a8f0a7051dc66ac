// How fast a report dates its movements: businessDateOf on UTC-written instants (the fast path,
// an offset-per-hour lookup per zone) against Intl on every call. `npm run bench:business-date`.
import { addDays, businessDateInZone, businessDateOf } from '../shared/domain';

/** The fixed +08:00 fast path this replaced, for comparison. */
function fixedOffsetDate(instant: string): string {
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(instant)!;
  const minutes = Number(utc[2]) * 60 + Number(utc[3]) + 480;
  return minutes < 1440 ? utc[1]! : addDays(utc[1]!, 1);
}

const COUNT = 300_000;
const start = Date.parse('2026-01-01T00:00:00Z');
// A year of movements, one every ~31 s, as terminals write them.
const instants = Array.from({ length: COUNT }, (_, i) => new Date(start + i * 105_120).toISOString());

function time(label: string, date: (instant: string) => string): void {
  let sink = 0;
  const started = performance.now();
  for (const instant of instants) sink += date(instant).length;
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(44)} ${(((ms * 1e6) / COUNT) | 0).toString().padStart(6)} ns/call  (${Math.round(ms)} ms, ${sink > 0 ? 'ok' : ''})`,
  );
}

time('fixed +08:00 offset (before)', fixedOffsetDate);
for (const zone of ['Asia/Shanghai', 'Europe/London', 'America/New_York']) {
  time(`businessDateOf ${zone}`, (instant) => businessDateOf(instant, zone));
}
time('Intl per call (businessDateInZone) Asia/Shanghai', (instant) => businessDateInZone(instant, 'Asia/Shanghai'));
