import { now as rxdbNow } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { keepWriteClockPast } from '../../../renderer/db/write-clock';

describe('write clock after a restart with the device clock set back', () => {
  it('stamps every later write above the newest stored stamp, and never goes backwards', () => {
    const storedStamp = Date.now() + 5 * 3_600_000; // written while the clock ran 5 h fast
    expect(rxdbNow()).toBeLessThan(storedStamp); // what RxDB would stamp without the fix
    keepWriteClockPast(storedStamp);
    const stamps = Array.from({ length: 500 }, () => rxdbNow());
    expect(stamps[0]).toBeGreaterThan(storedStamp);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]!).toBeGreaterThan(stamps[i - 1]!);
  });

  it('changes nothing when the stamp is already behind the clock', () => {
    const before = rxdbNow();
    keepWriteClockPast(Date.now() - 1_000);
    const after = rxdbNow();
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThan(50); // no jump: just the next stamp
  });
});
