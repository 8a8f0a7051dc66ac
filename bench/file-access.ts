// Files under load (`tsx bench/file-access.ts [--root <checkout>] [--docs 20000] [--seconds 15]`):
// a store uploads and reads files at 50 requests/s while another terminal pulls; prints that
// pull's latency without and with the file traffic (issue 16: body LIKE '%hash%' once took it
// from 2 ms to a 289 ms median). `--root` runs another checkout's endpoint (e.g. the old code).
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { freePort, projectRoot } from '../tests/support/endpoint-process';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: projectRoot },
    docs: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '15' },
  },
});
const root = path.resolve(values.root);
const DOCS = Number(values.docs);
const SECONDS = Number(values.seconds);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-bench-files-'));

async function admin(...args: string[]): Promise<string> {
  return (await run(tsx, ['server/admin.ts', ...args, '--data', dataDir], { cwd: root })).stdout;
}
async function terminal(site: string): Promise<string> {
  const out = await admin('terminal', 'add', '--site', site, '--name', `bench ${site}`, '--json');
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { token: string }).token;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await admin('site', 'add', '--id', 'k1', '--kind', 'kitchen', '--name', 'Kitchen');
await admin('site', 'add', '--id', 's1', '--kind', 'store', '--name', 'Store');
const [kitchen, store] = [await terminal('k1'), await terminal('s1')];
const port = await freePort();
const server = spawn(tsx, ['server/main.ts', '--data', dataDir, '--port', String(port)], {
  cwd: root,
  detached: true,
  env: { ...process.env, LARDER_RATE_LIMIT: 'off' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.on('data', (b: Buffer) => b.toString().includes('listening') && resolve()));
const url = `http://127.0.0.1:${port}`;
const call = (token: string, method: string, p: string, body?: BodyInit, type = 'application/json') =>
  fetch(`${url}${p}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

// The kitchen's documents: what a scan of every body has to read.
const NOW = '2026-03-01T08:00:00.000Z';
for (let done = 0; done < DOCS; done += 500) {
  const rows = Array.from({ length: Math.min(500, DOCS - done) }, (_, i) => ({
    newDocumentState: {
      id: randomUUID(),
      siteId: 'k1',
      kind: 'audit',
      severity: 'info',
      at: NOW,
      message: `seed ${done + i}`,
      data: { pad: 'x'.repeat(800) },
      updatedAt: NOW,
    },
  }));
  const res = await call(kitchen, 'POST', '/api/v1/sync/events/push', JSON.stringify(rows));
  if (res.status !== 200) throw new Error(`seed push: ${res.status} ${await res.text()}`);
}
// A certificate of the kitchen's, named in a dispatch to the store: the store reads it through that document.
const cert = randomBytes(20_000);
await call(kitchen, 'PUT', `/api/v1/files/${sha(cert)}`, new Uint8Array(cert), 'application/pdf');
const dispatch = {
  id: randomUUID(),
  type: 'dispatch',
  siteId: 'k1',
  toSiteId: 's1',
  number: 'D-1',
  status: 'shipped',
  businessDate: '2026-03-01',
  at: NOW,
  terminalId: 't',
  lines: [{ productId: 'p', qty: 1, certificateHashes: [sha(cert)] }],
  updatedAt: NOW,
};
const pushed = await call(kitchen, 'POST', '/api/v1/sync/documents/push', JSON.stringify([{ newDocumentState: dispatch }]));
if (pushed.status !== 200) throw new Error(`dispatch push: ${pushed.status} ${await pushed.text()}`);
if ((await call(store, 'GET', `/api/v1/files/${sha(cert)}`)).status !== 200) throw new Error('the store cannot read the certificate');

async function pullLatencies(ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const t0 = performance.now();
    const res = await call(kitchen, 'GET', '/api/v1/sync/documents/pull?limit=50');
    await res.arrayBuffer();
    out.push(performance.now() - t0);
    await sleep(50);
  }
  return out;
}

const idle = await pullLatencies(5000);
let stop = false;
let requests = 0;
const load = (async () => {
  // 50 requests/s: alternately an upload of a new photo and a read of the kitchen's certificate.
  // At most 20 in flight, as a store's few windows would have: an endpoint that cannot keep up
  // gets fewer requests, not an ever-growing queue of them.
  const inFlight = new Set<Promise<unknown>>();
  const t0 = performance.now();
  for (let i = 0; !stop; i++) {
    if (inFlight.size < 20) {
      const photo = randomBytes(30_000);
      const request: Promise<unknown> = (
        i % 2 === 0
          ? call(store, 'PUT', `/api/v1/files/${sha(photo)}`, new Uint8Array(photo), 'image/jpeg')
          : call(store, 'GET', `/api/v1/files/${sha(cert)}`)
      )
        .then((r) => r.arrayBuffer())
        .catch(() => undefined)
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
      requests++;
    }
    // Paced by the clock, not by sleeps in a row, so the rate stays 50/s.
    await sleep(Math.max(0, t0 + (i + 1) * 20 - performance.now()));
  }
  await Promise.all(inFlight);
})();
const loaded = await pullLatencies(SECONDS * 1000);
stop = true;
await load;
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} pulls)`;
console.log(`endpoint ${root}, ${DOCS} documents`);
console.log(`pull, no file traffic:          ${fmt(idle)}`);
console.log(`pull, store at 50 file req/s:   ${fmt(loaded)} (${requests} file requests, ${(requests / SECONDS).toFixed(0)}/s)`);
process.kill(-server.pid!, 'SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
