// The workaround for RxDB 17.6.0 dropping a RESYNC queued behind a change event
// (SYNC-PROTOCOL.md): after a reconnect, RESYNC is raised until a pull starts, and change
// events of the new connection are held until then.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResyncGate, type StreamItem } from '../../../renderer/db/replication/resync-gate';

describe('ResyncGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function collect(gate: ResyncGate<{ id: string }>) {
    const items: StreamItem<{ id: string }>[] = [];
    gate.stream$.subscribe((item) => items.push(item));
    return items;
  }
  const change = (id: string, token: string) => ({ documents: [{ id, _deleted: false }], checkpoint: { token } });

  it('raises RESYNC on connect and again until a pull has started', () => {
    const gate = new ResyncGate<{ id: string }>(1_000);
    const items = collect(gate);
    gate.connected();
    expect(items).toEqual(['RESYNC']);
    vi.advanceTimersByTime(3_000);
    expect(items).toEqual(['RESYNC', 'RESYNC', 'RESYNC', 'RESYNC']);
    gate.pullStarted();
    vi.advanceTimersByTime(5_000);
    expect(items.filter((i) => i === 'RESYNC')).toHaveLength(4);
  });

  it('holds change events of a new connection until the pull starts, then releases them in order', async () => {
    const gate = new ResyncGate<{ id: string }>(1_000);
    const items = collect(gate);
    gate.connected();
    gate.change(change('a', '5'));
    gate.change(change('b', '6'));
    expect(items).toEqual(['RESYNC']); // the change events did not overtake the RESYNC
    gate.pullStarted();
    await Promise.resolve();
    expect(items).toEqual(['RESYNC', change('a', '5'), change('b', '6')]);
    gate.change(change('c', '7'));
    expect(items.at(-1)).toEqual(change('c', '7'));
  });

  it('a pull that started before the reconnect does not count', () => {
    const gate = new ResyncGate<{ id: string }>(1_000);
    const items = collect(gate);
    gate.pullStarted(); // from the previous connection
    gate.connected();
    vi.advanceTimersByTime(1_000);
    expect(items).toEqual(['RESYNC', 'RESYNC']);
  });
});
