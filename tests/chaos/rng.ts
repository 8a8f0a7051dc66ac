// Seeded randomness for the chaos harness: every scenario parameter derives from the run's seed,
// so a failing run is reproduced with `--seed S --only R` (timing between real processes is not
// seeded — the report prints the parameters so a failure can also be replayed by hand).

let issuedIds = 0;

/** mulberry32: tiny, fast, good enough to pick fault parameters. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A child stream, so one consumer drawing more numbers does not shift another's. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.state ^ Math.imul(salt + 1, 0x85ebca6b), 0xc2b2ae35) >>> 0);
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /**
   * A UUID-shaped id (movement ids must be unique across the whole session). The random half
   * alone is not enough: mulberry32 has 32 bits of state, so two runs' streams can overlap and
   * draw the same ids — run 347 of seed 11 reposted a run-200 dispatch id with other lines,
   * which the check rightly called divergence. A session-wide counter makes each id unique.
   */
  id(prefix: string): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return `${prefix}-${hex(Math.floor(this.next() * 0x100000000))}${hex(++issuedIds)}`;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
