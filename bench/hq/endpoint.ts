// The endpoints bench/hq.ts compares: this tree, and a copy of main's code at the baseline
// commit (extracted with `git archive`, node_modules linked), each seeded by its own code and
// served by its own `server/main.ts` in a child process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../tests/support/endpoint-process';
import type { SeedPlan, SeedTokens } from './seed';

const run = promisify(execFile);
export const thisRoot = path.resolve(import.meta.dirname, '..', '..');

/** A copy of the code at `commit` (this bench's seed script added), reused between runs. */
export async function baselineRoot(commit: string): Promise<string> {
  const root = path.join(os.tmpdir(), `larder-hq-baseline-${commit}`);
  if (!existsSync(path.join(root, 'server', 'main.ts'))) {
    mkdirSync(root, { recursive: true });
    const archive = path.join(root, '..', `larder-hq-baseline-${commit}.tar`);
    await run('git', ['-C', thisRoot, 'archive', '--format=tar', '-o', archive, commit]);
    await run('tar', ['-xf', archive, '-C', root]);
    rmSync(archive);
    symlinkSync(path.join(thisRoot, 'node_modules'), path.join(root, 'node_modules'));
  }
  mkdirSync(path.join(root, 'bench', 'hq'), { recursive: true });
  copyFileSync(path.join(thisRoot, 'bench', 'hq', 'seed.ts'), path.join(root, 'bench', 'hq', 'seed.ts'));
  return root;
}

export interface BenchEndpoint {
  url: string;
  tokens: SeedTokens;
  pid: number;
  /** Bytes of the SQLite files (database, WAL) once the endpoint has stopped; NaN on PostgreSQL. */
  storedBytes(): number;
  stop(): Promise<void>;
  /** Removes the data directory (after stop). */
  remove(): void;
}

export interface EndpointSetup {
  root: string;
  store: 'sqlite' | 'postgres';
  plan: Omit<SeedPlan, 'dataDir' | 'databaseUrl' | 'pgSchema'>;
}

export async function startBenchEndpoint(setup: EndpointSetup): Promise<BenchEndpoint> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-hq-'));
  const databaseUrl = setup.store === 'postgres' ? process.env.DATABASE_URL : undefined;
  if (setup.store === 'postgres' && !databaseUrl) throw new Error('--store postgres needs DATABASE_URL');
  const pgSchema = databaseUrl ? `hq_bench_${process.pid}_${Date.now()}` : undefined;
  const plan: SeedPlan = { ...setup.plan, dataDir, databaseUrl, pgSchema };
  const planFile = path.join(dataDir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const tsx = path.join(thisRoot, 'node_modules', '.bin', 'tsx');
  const seeded = await run(tsx, ['bench/hq/seed.ts', planFile], { cwd: setup.root, maxBuffer: 64 * 1024 * 1024 });
  const tokens = JSON.parse(seeded.stdout.trim().split('\n').at(-1) ?? '{}') as SeedTokens;

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LARDER_ENDPOINT_CHILD: '1',
    LARDER_RATE_LIMIT: 'off',
    LARDER_LOG_LEVEL: 'warn',
    LARDER_MAX_CONNECTIONS: '20000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, LARDER_PG_SCHEMA: pgSchema } : { DATABASE_URL: '' }),
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx/esm', 'server/main.ts', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: setup.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`endpoint did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`endpoint exited ${code}:\n${output}`)));
  });
  return {
    url,
    tokens,
    pid: child.pid ?? 0,
    storedBytes: () =>
      databaseUrl
        ? NaN
        : readdirSync(dataDir)
            .filter((f) => f.startsWith('larder.sqlite'))
            .reduce((sum, f) => sum + statSync(path.join(dataDir, f)).size, 0),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
