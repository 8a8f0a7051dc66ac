// Starts a real endpoint process (the same `server/main.ts` that `npm run server` runs) on its own
// data directory and port, and issues terminals with the real admin command.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const START_TIMEOUT_MS = 60_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface EndpointProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the endpoint printed so far (its JSON log lines included), stdout and stderr. */
  output(): string;
  admin(...args: string[]): Promise<string>;
  addTerminal(siteId: string, name: string): Promise<{ terminalId: string; token: string }>;
  /** SIGTERM to the process group; the data directory is removed unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface EndpointProcessOptions {
  staticDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Reuse a data directory and port, e.g. to restart an endpoint that was stopped. */
  dataDir?: string;
  port?: number;
}

export async function startEndpointProcess(options: EndpointProcessOptions = {}): Promise<EndpointProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'larder-endpoint-'));
  const port = options.port ?? (await freePort());
  const args = ['server/main.ts', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'];
  if (options.staticDir) args.push('--static', options.staticDir);
  const child = spawn(tsx, args, {
    cwd: projectRoot,
    detached: true,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A loaded machine (2 cores shared by many runs) can take long; a start given up on is killed,
    // or it would come up later holding the port every retry needs.
    const timer = setTimeout(() => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`endpoint did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
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

  const admin = async (...adminArgs: string[]) => {
    const { stdout } = await run(tsx, ['server/admin.ts', ...adminArgs, '--data', dataDir], {
      cwd: projectRoot,
      env: { ...process.env, ...options.env },
    });
    return stdout;
  };
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    admin,
    async addTerminal(siteId, name) {
      const stdout = await admin('terminal', 'add', '--site', siteId, '--name', name, '--json');
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      return JSON.parse(lastLine) as { terminalId: string; token: string };
    },
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM'); // the whole group: tsx may have a child of its own
        await exited;
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function pairingFragment(endpointUrl: string, token: string): string {
  return `#pair=${Buffer.from(JSON.stringify({ endpointUrl, token })).toString('base64url')}`;
}
