// A PostgreSQL endpoint restored with pg_restore from an older pg_dump, then given a new epoch with
// `admin epoch new` (SYNC-PROTOCOL.md, Epochs, backup and restore): the terminals pull again and
// push back what the dump missed, each record once.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pullAll } from '../../support/pull';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { openBackend, PG_URL, postgresAvailable, seedOrg, type Backend } from '../server/helpers';
import { movementDoc, openTerminal, waitFor, type TestTerminal } from './clients';

const run = promisify(execFile);
const available = await postgresAvailable();
let backend: Backend | undefined;
let endpoint: EndpointProcess | undefined;
const open: TestTerminal[] = [];
const dumpDir = mkdtempSync(join(tmpdir(), 'larder-pg-restore-'));

afterAll(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await endpoint?.stop();
  await backend?.cleanup();
  rmSync(dumpDir, { recursive: true, force: true });
});

describe.skipIf(!available)('PostgreSQL restore and admin epoch new', () => {
  it('terminals push back what the dump missed after epoch new, each record once', { timeout: 180_000 }, async () => {
    backend = await openBackend('postgres');
    const org = await seedOrg(backend.storage);
    const schema = backend.pgSchema ?? '';
    endpoint = await startEndpointProcess({ env: backend.env });
    const kitchen = await openTerminal(endpoint.url, org.tokens.k1);
    const hq = await openTerminal(endpoint.url, org.tokens.hq);
    open.push(kitchen, hq);
    const onEndpoint = async () => (await pullAll<{ id: string }>(endpoint!.url, org.tokens.hq, 'movements')).map((d) => d.id);

    const before = Array.from({ length: 20 }, (_, n) => movementDoc('k1', n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: before });
    await waitFor('the first movements on the endpoint', async () => (await onEndpoint()).length === 20);
    const dump = join(dumpDir, 'larder.dump');
    await run('pg_dump', ['-Fc', '-n', schema, '-f', dump, PG_URL]);

    const after = Array.from({ length: 15 }, (_, n) => movementDoc('k1', 100 + n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: after });
    await waitFor('HQ to hold every movement', async () => (await hq.count('movements')) === 35);

    // The operator's restore: the endpoint stopped, the schema replaced by the dump, a new epoch.
    const port = Number(new URL(endpoint.url).port);
    await endpoint.stop();
    await backend.storage.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
    await run('pg_restore', ['-d', PG_URL, dump]);
    endpoint = await startEndpointProcess({ env: backend.env, port });
    const epochBefore = (await (await fetch(`${endpoint.url}/api/v1/health`)).json()) as { epoch: string };
    const out = await endpoint.admin('epoch', 'new');
    const epoch = /^epoch (\S+)$/m.exec(out)?.[1];
    expect(epoch).toEqual(expect.any(String));
    expect(epoch).not.toBe(epochBefore.epoch);
    expect((await onEndpoint()).length).toBe(20);

    const expected = new Set([...before, ...after].map((m) => m.id));
    await waitFor(
      'the kitchen to push back what the dump missed',
      async () => (await onEndpoint()).length >= expected.size,
      60_000,
      async () => ({ endpoint: (await onEndpoint()).length, kitchen: await kitchen.status() }),
    );
    const later = movementDoc('k1', 300);
    expected.add(later.id);
    await kitchen.run({ op: 'insert', collection: 'movements', docs: [later] });
    await waitFor('HQ to receive the write made after the restore', async () => (await hq.ids('movements')).includes(later.id), 30_000);

    const stored = await onEndpoint();
    expect(stored.length).toBe(expected.size);
    expect(new Set(stored)).toEqual(expected);
    await hq.run({ op: 'awaitInSync' });
    const atHq = await hq.ids('movements');
    expect(atHq.length).toBe(expected.size);
    expect(new Set(atHq)).toEqual(expected);
  });
});
