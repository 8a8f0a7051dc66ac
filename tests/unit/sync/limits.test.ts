import { describe, expect, it } from 'vitest';
import { documentLimitProblem, utf8Length, valueLimitProblem } from '../../../shared/protocol';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 1; i < levels; i++) value = { next: value };
  return value;
}

describe('limits on values (SYNC-PROTOCOL.md v1.1)', () => {
  it('counts the value itself as level 1: 16 levels pass, 17 do not, 4,000 fail without exhausting the stack', () => {
    // nested(n) puts a string at level n inside n-1 objects: the deepest object is level n-1.
    expect(valueLimitProblem(nested(17))).toBeNull();
    expect(valueLimitProblem(nested(18))).toMatch(/nested deeper than 16 levels/);
    expect(valueLimitProblem(nested(4_000))).toMatch(/nested deeper than 16 levels/);
    expect(valueLimitProblem([[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]])).toMatch(/nested deeper/); // 17 arrays
    expect(valueLimitProblem([[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]])).toBeNull(); // 16
  });

  it('refuses numbers outside the double range, lone surrogates and NUL, and names where', () => {
    expect(valueLimitProblem({ data: { qty: JSON.parse('1e309') as number } })).toBe('/data/qty: numbers must be finite');
    expect(valueLimitProblem({ id: 'a\uD800b' })).toBe('/id: text must be valid Unicode without NUL');
    expect(valueLimitProblem({ note: 'x\u0000' })).toMatch(/without NUL/);
    expect(valueLimitProblem({ note: '😀 emoji pairs are fine' })).toBeNull();
  });

  it('in a document, a free-form field counts itself as level 1: event data may nest 16 levels', () => {
    const event = (data: unknown) => ({ id: 'e-1', kind: 'audit', data });
    expect(documentLimitProblem(event(nested(17)))).toBeNull();
    expect(documentLimitProblem(event(nested(18)))).toMatch(/\/data(\/next)+: nested deeper than 16 levels/);
  });

  it('holds a whole document to the id pattern and 256 KiB', () => {
    expect(documentLimitProblem({ id: 'ok-1', note: 'x' })).toBeNull();
    expect(documentLimitProblem({ id: 'has space' })).toMatch(/id must be/);
    expect(documentLimitProblem({ id: 'x'.repeat(65) })).toMatch(/id must be/);
    expect(documentLimitProblem({ id: 'big', note: '汉'.repeat(90_000) })).toMatch(/document is 270\d+ bytes; at most 262144/);
    expect(utf8Length('a汉😀')).toBe(1 + 3 + 4);
  });
});
