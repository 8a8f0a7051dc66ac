import { describe, expect, it } from 'vitest';
import { collectionNames } from '../../../shared/schemas';
import { openEnumPaths, schemaHistory } from '../../../shared/schemas/versions';
import { additiveProblems } from './additive';

/** A small schema to mutate: one version, then the next. */
function base() {
  return {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 64 },
      kind: { type: 'string', enum: ['a', 'b'], maxLength: 16 },
      open: { type: 'string', enum: ['x'], maxLength: 16, 'x-open': true },
      qty: { type: 'number', minimum: 0 },
      note: { type: 'string', maxLength: 200 },
      lines: {
        type: 'array',
        items: { type: 'object', properties: { productId: { type: 'string', maxLength: 64 } }, required: ['productId'] },
      },
    },
    required: ['id', 'kind'],
  };
}
type Schema = ReturnType<typeof base> & { properties: Record<string, unknown> };
function next(change: (schema: Schema) => void): Schema {
  const schema = structuredClone(base()) as Schema;
  schema.version = 1;
  change(schema);
  return schema;
}
const check = (change: (schema: Schema) => void) => additiveProblems('things', base(), next(change));

describe('the additive-only rule over the schema history kept in shared/', () => {
  it.each(collectionNames)('every version of %s follows the one before additively', (name) => {
    const history = schemaHistory[name];
    for (let v = 1; v < history.length; v++) expect(additiveProblems(name, history[v - 1]!, history[v]!)).toEqual([]);
  });

  it('the enums the next issues grow are declared open', () => {
    expect(openEnumPaths(schemaHistory.documents.at(-1)!)).toEqual(
      expect.arrayContaining(['type', 'status', 'wasteReason', 'paymentMethod']),
    );
    expect(openEnumPaths(schemaHistory.movements.at(-1)!)).toEqual(['kind', 'docType']);
    expect(openEnumPaths(schemaHistory.events.at(-1)!)).toEqual(['kind', 'docType']);
    expect(openEnumPaths(schemaHistory.config.at(-1)!)).toEqual(['key']);
  });

  it('allows new optional fields, values of open enums, relaxed limits and declaring an enum open', () => {
    expect(
      check((s) => {
        s.properties.extra = { type: 'string', maxLength: 10 };
        (s.properties.open as { enum: string[] }).enum.push('y');
        (s.properties.note as { maxLength: number }).maxLength = 500;
        (s.properties.qty as { minimum?: number }).minimum = undefined;
        (s.properties.kind as Record<string, unknown>)['x-open'] = true;
        (s.properties.lines as { items: { properties: Record<string, unknown> } }).items.properties.unit = {
          type: 'string',
          maxLength: 16,
        };
      }),
    ).toEqual([]);
  });

  it('refuses a removed or renamed field, and says to retire it instead', () => {
    const problems = check((s) => {
      s.properties.remark = s.properties.note;
      delete (s.properties as Record<string, unknown>).note;
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /things v0 → v1: note: removed or renamed; retire the field instead: keep it in the schema, stop writing it, never reuse its name/,
      ),
    ]);
  });

  it('refuses a changed type, a tightened limit and a newly required field, each in words', () => {
    expect(check((s) => ((s.properties as Record<string, unknown>).qty = { type: 'string' }))[0]).toMatch(
      /qty: type changed from "number" to "string"; retire the field/,
    );
    expect(check((s) => ((s.properties.note as { maxLength: number }).maxLength = 100))[0]).toMatch(
      /note: maxLength lowered \(200 → 100\); limits may only be relaxed/,
    );
    expect(check((s) => ((s.properties.qty as { minimum: number }).minimum = 1))[0]).toMatch(/qty: minimum raised/);
    expect(check((s) => s.required.push('note'))[0]).toMatch(/note: made required; documents written by older versions may lack it/);
    const newRequired = check((s) => {
      s.properties.extra = { type: 'string' };
      s.required.push('extra');
    });
    expect(newRequired[0]).toMatch(/extra: made required/);
    const nested = check(
      (s) => ((s.properties.lines as { items: { properties: Record<string, unknown> } }).items.properties.productId = { type: 'number' }),
    );
    expect(nested[0]).toMatch(/lines\[\]\.productId: type changed/);
  });

  it('refuses values added to a closed enum, removed values and an open enum closed', () => {
    expect(check((s) => (s.properties.kind as { enum: string[] }).enum.push('c'))[0]).toMatch(
      /kind: values added \(c\) to a closed enum, which older terminals cannot read; declare the enum open/,
    );
    expect(check((s) => ((s.properties.kind as { enum: string[] }).enum = ['a']))[0]).toMatch(/kind: enum values removed \(b\)/);
    expect(check((s) => delete (s.properties.open as Record<string, unknown>)['x-open'])[0]).toMatch(/open: an open enum was closed/);
  });

  it('refuses versions that skip or a changed primary key', () => {
    const skipped = { ...next(() => undefined), version: 2 };
    expect(additiveProblems('things', base(), skipped)[0]).toMatch(/version 2 follows 0; versions count up by one/);
    expect(check((s) => (s.primaryKey = 'code'))[0]).toMatch(/primaryKey changed/);
  });
});
