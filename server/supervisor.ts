import { spawn } from 'node:child_process';

/**
 * `npm run server` runs `tsx server/main.ts`, and the tsx CLI relays SIGTERM/SIGINT to its child
 * with a 60 ms patience: a child whose event loop is busy that long (a 500-row push commits
 * with fsync on SQLite for 30–90 ms here) is SIGKILLed, and its in-flight answers are lost. So
 * under the tsx CLI, main.ts only supervises: it runs the endpoint in a plain `node --import tsx`
 * child, which the operator's process-group signal reaches directly, and stays idle so tsx's
 * relay is always answered at once.
 */
const CHILD_ENV = 'LARDER_ENDPOINT_CHILD';
const DEADLINE_MS = 9500;

export function underTsxCli(): boolean {
  return process.env[CHILD_ENV] !== '1' && process.execArgv.some((a) => a.includes('tsx') && a.includes('preflight'));
}

export function superviseEndpoint(script: string): void {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx/esm'), script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_ENV]: '1' },
  });
  let signalled = false;
  const forward = (signal: NodeJS.Signals) => {
    // The child may have had it already from the process group; its handler is idempotent.
    child.kill(signal);
    if (signalled) return;
    signalled = true;
    setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS).unref();
  };
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGINT', () => forward('SIGINT'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
