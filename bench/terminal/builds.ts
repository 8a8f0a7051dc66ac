// The two renderers the bench compares, both built with VITE_LARDER_BENCH=1 (the bench hook,
// renderer/bench/bench-hook.ts): the baseline from a git ref, checked out into a temporary
// detached worktree, and the candidate from the checkout the bench runs in, as it is on disk now
// (uncommitted changes included: that is the code being measured).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface RendererBuild {
  label: string;
  dir: string;
  /** Commit (and "+ working tree changes" for the candidate), printed with the figures. */
  describes: string;
}

function viteBuild(cwd: string, outDir: string): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd,
    env: { ...process.env, VITE_LARDER_BENCH: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`renderer build in ${cwd} failed (vite exited ${result.status ?? result.signal})`);
}

const git = (...args: string[]) => gitIn(repoRoot, ...args);
const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Builds the baseline from `ref` in a throwaway worktree (removed again before this returns). */
export function buildBaseline(ref: string, outRoot: string): RendererBuild {
  const commit = git('rev-parse', '--short', `${ref}^{commit}`);
  const tree = mkdtempSync(path.join(os.tmpdir(), 'larder-bench-baseline-src-'));
  git('worktree', 'add', '--detach', '--force', tree, commit);
  try {
    // The baseline's own node_modules would be an npm install; the checkout's is the same lockfile's.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(tree, 'node_modules'));
    const dir = path.join(outRoot, 'baseline');
    viteBuild(tree, dir);
    return { label: 'baseline', dir, describes: `${ref} (${commit})` };
  } finally {
    git('worktree', 'remove', '--force', tree);
    rmSync(tree, { recursive: true, force: true });
  }
}

/**
 * Builds the checkout the bench runs in (or `source`, another checkout of this repository that
 * shares its node_modules), uncommitted changes included; only the output directory is written.
 */
export function buildCandidate(outRoot: string, source: string = repoRoot): RendererBuild {
  const dir = path.join(outRoot, 'candidate');
  viteBuild(source, dir);
  const dirty = gitIn(source, 'status', '--porcelain', '--', 'renderer', 'shared', 'vite.config.ts') !== '';
  const where = path.resolve(source) === repoRoot ? '' : ` in ${source}`;
  return {
    label: 'candidate',
    dir,
    describes: `${gitIn(source, 'rev-parse', '--short', 'HEAD')}${dirty ? ' + working tree changes' : ''}${where}`,
  };
}
