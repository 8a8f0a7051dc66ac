import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import type { RxJsonSchema } from 'rxdb';
import { appendOnlyCollections, collectionKinds, collectionNames, collectionSchemas } from '../../../shared/schemas';
import { sampleDocs } from './samples';
import { localSchemas } from '../../../renderer/db/local-schemas';
import { schemaHistory, releasedV0 } from '../../../shared/schemas/versions';
import { checkSchemaLock, checkWireLock, schemaFingerprint, type SchemaLock, type WireLock } from './schema-lock';
import lockFile from './schema-lock.json';
import storageLockFile from './storage-lock.json';

/** The wire lock: every released version's fingerprint (indexes ignored: they are the terminal's layout). */
const wireLock: WireLock = lockFile;
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
  it('every released version matches the wire lock, and the stored schemas of the terminal the storage lock', () => {
    expect(checkWireLock(schemaHistory, wireLock)).toEqual([]);
    expect(checkSchemaLock(localSchemas, storageLock)).toEqual([]);
  });

  it('refuses a released version edited in place, and asks for a new version to be recorded', () => {
    const edited = structuredClone(schemaHistory) as unknown as Record<string, { version: number; properties: Record<string, unknown> }[]>;
    edited.movements![0]!.properties.extraField = { type: 'string' };
    expect(checkWireLock(edited, wireLock)).toEqual([
      expect.stringMatching(/movements v0: changed after release; leave v0 as it was and add version 5/),
    ]);
    const grown = { ...schemaHistory, batches: [...schemaHistory.batches, { ...schemaHistory.batches[0]!, version: 1 }] };
    expect(checkWireLock(grown, wireLock)).toEqual([expect.stringMatching(/batches v1: not in the wire lock/)]);
  });

  it('the current schema is the last of its history, and v0 is the first release as terminals hold it', () => {
    for (const name of collectionNames) {
      const history = schemaHistory[name];
      expect(history[history.length - 1]).toBe(collectionSchemas[name]);
      if (name !== 'people') expect(schemaFingerprint(history[0]!, ['indexes'])).toBe(schemaFingerprint(releasedV0[name], ['indexes']));
    }
  });

  it('a storage layout change needs a new local version (the wire lock ignores indexes)', () => {
    const local = structuredClone(localSchemas) as unknown as Record<string, { version: number; indexes?: unknown[] }>;
    local.events!.indexes = ['docId'];
    expect(checkSchemaLock(local, storageLock)).toEqual([expect.stringMatching(/events: schema changed without a version bump/)]);
    const bumped = structuredClone(localSchemas) as unknown as Record<string, { version: number }>;
    bumped.partners!.version = 1;
    expect(checkSchemaLock(bumped, storageLock)[0]).toMatch(/partners: version bumped to 1/);
    const older: SchemaLock = { ...storageLock, sites: { version: 2, fingerprint: storageLock.sites!.fingerprint } };
    expect(checkSchemaLock(localSchemas, older)[0]).toMatch(/went back/);
  });
});
