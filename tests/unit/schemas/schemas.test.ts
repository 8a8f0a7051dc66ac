import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import type { RxJsonSchema } from 'rxdb';
import { appendOnlyCollections, collectionKinds, collectionNames, collectionSchemas } from '../../../shared/schemas';
import { sampleDocs } from './samples';
import { localSchemas } from '../../../renderer/db/local-schemas';
import { checkSchemaLock, type SchemaLock } from './schema-lock';
import lockFile from './schema-lock.json';
import storageLockFile from './storage-lock.json';

/** The wire lock: document shapes, as the endpoint holds pushes to them (indexes ignored). */
const lock: SchemaLock = lockFile;
const WIRE = ['indexes'];
/** The storage lock: the terminal's RxDB schemas, indexes included (any change needs a migration). */
const storageLock: SchemaLock = storageLockFile;

function rxSchema(name: (typeof collectionNames)[number]): RxJsonSchema<Record<string, unknown>> {
  // The literals are deeply readonly; RxDB's checker only reads them.
  return structuredClone(collectionSchemas[name]) as unknown as RxJsonSchema<Record<string, unknown>>;
}

describe('collection schemas', () => {
  it('cover exactly the collections of ARCHITECTURE.md', () => {
    expect(Object.keys(collectionSchemas).sort()).toEqual([...collectionNames].sort());
    expect(Object.keys(collectionKinds).sort()).toEqual([...collectionNames].sort());
    expect([...appendOnlyCollections].sort()).toEqual(['events', 'journal', 'movements']);
    for (const name of appendOnlyCollections) expect(collectionKinds[name]).toBe('transactional');
  });

  it.each(collectionNames)('%s passes RxDB dev-mode schema checks', (name) => {
    expect(() => checkSchema(rxSchema(name))).not.toThrow();
  });

  it.each(collectionNames)('%s has primaryKey id, a version and no RxDB-owned fields', (name) => {
    const schema = collectionSchemas[name];
    expect(schema.primaryKey).toBe('id');
    expect(schema.properties.id).toEqual({ type: 'string', maxLength: 64 });
    expect(schema.version).toBeGreaterThanOrEqual(0);
    expect(schema.required).toContain('id');
    expect(schema.required).toContain('updatedAt');
    for (const reserved of ['_deleted', '_rev', '_meta', '_attachments']) expect(schema.properties).not.toHaveProperty(reserved);
    if (collectionKinds[name] === 'transactional') expect(schema.required).toContain('siteId');
  });

  it.each(collectionNames)('%s is valid JSON Schema for ajv and accepts its sample', (name) => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(collectionSchemas[name]);
    const ok = validate(sampleDocs[name]);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ ...sampleDocs[name], unexpected: 1 })).toBe(false);
    const { id: _id, ...withoutId } = sampleDocs[name];
    expect(validate(withoutId)).toBe(false);
  });

  it('documents carry toSiteId as an optional field, never indexed (Dexie refuses optional index fields, DXE1)', () => {
    const docs = collectionSchemas.documents;
    expect(docs.properties.toSiteId.maxLength).toBe(64);
    expect(docs.required).not.toContain('toSiteId');
    expect(docs.indexes.flat()).not.toContain('toSiteId');
  });

  it('every indexed field is required (the Dexie storage the app ships refuses others)', () => {
    for (const [name, schema] of Object.entries(collectionSchemas)) {
      const { indexes = [], required = [] } = schema as { indexes?: readonly (string | readonly string[])[]; required?: readonly string[] };
      for (const field of indexes.flat()) expect(required, `${name}.${field}`).toContain(field);
    }
  });
});

describe('schema versioning', () => {
  it('every schema matches the wire lock and the storage lock (a change needs a version bump and a lock update)', () => {
    expect(checkSchemaLock(collectionSchemas, lock, WIRE)).toEqual([]);
    expect(checkSchemaLock(localSchemas, storageLock)).toEqual([]);
  });

  it('detects a change made without a version bump', () => {
    const changed = structuredClone(collectionSchemas) as unknown as Record<
      string,
      { version: number; properties: Record<string, unknown> }
    >;
    changed.movements.properties.extraField = { type: 'string' };
    const problems = checkSchemaLock(changed, lock, WIRE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/movements: schema changed without a version bump/);
  });

  it('asks for the lock to be updated when a version is bumped, and refuses going back', () => {
    const bumped = structuredClone(collectionSchemas) as unknown as Record<string, { version: number }>;
    bumped.sites.version = 1;
    expect(checkSchemaLock(bumped, lock, WIRE)[0]).toMatch(/sites: version bumped to 1/);
    const older: SchemaLock = { ...lock, sites: { version: 2, fingerprint: lock.sites.fingerprint } };
    expect(checkSchemaLock(collectionSchemas, older, WIRE)[0]).toMatch(/went back/);
  });

  it('an index change leaves the wire lock alone but needs a new local version', () => {
    const wire = structuredClone(collectionSchemas) as unknown as Record<string, { version: number; indexes?: unknown[] }>;
    wire.events.indexes = ['docId'];
    expect(checkSchemaLock(wire, lock, WIRE)).toEqual([]);
    const local = structuredClone(localSchemas) as unknown as Record<string, { version: number; indexes?: unknown[] }>;
    local.events.indexes = ['docId'];
    expect(checkSchemaLock(local, storageLock)).toEqual([expect.stringMatching(/events: schema changed without a version bump/)]);
  });
});
