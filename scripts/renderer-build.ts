// Builds the renderer into dist/ only when a source file is newer than the last build, so
// `npm start` and the end-to-end tests stay fast on a machine where nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const rendererDist = path.join(projectRoot, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererBuildIsStale(): boolean {
  const built = path.join(rendererDist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'renderer')),
    newestMtime(path.join(projectRoot, 'shared')),
    statSync(path.join(projectRoot, 'vite.config.ts')).mtimeMs,
    statSync(path.join(projectRoot, 'package-lock.json')).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}

export function ensureRendererBuild(log: (line: string) => void = console.log): void {
  if (!rendererBuildIsStale()) return;
  log('larder: building the renderer (first run or sources changed)…');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`renderer build failed (vite exited ${result.status ?? result.signal})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureRendererBuild();
}
